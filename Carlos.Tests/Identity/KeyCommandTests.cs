using Carlos.Contracts.Identity;
using Carlos.Silo;
using Microsoft.Extensions.Configuration;

namespace Carlos.Tests.Identity;

public sealed class KeyCommandTests
{
    private static readonly IConfiguration Pepper = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Carlos:Auth:Pepper"] = new string('p', 40) }).Build();

    [Fact]
    public void New_key_prints_a_key_and_the_seed_hash_that_verifies_it()
    {
        var output = new StringWriter();

        var code = KeyCommands.Run(KeyCommands.NewKey, Pepper, TextReader.Null, output, TextWriter.Null);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, code);
        var key = lines[0]["key:".Length..].Trim();
        var seed = lines[1]["hash:".Length..].Trim();
        Assert.True(ApiKeys.TryParse(key, out var keyId, out var secret));
        Assert.Equal(ApiKeys.SeedValue(keyId, ApiKeys.Hash(new string('p', 40), secret)), seed);
    }

    [Fact]
    public void Hash_key_prints_the_same_seed_for_a_key_read_from_standard_input()
    {
        var (keyId, key, secret) = ApiKeys.Generate();
        var output = new StringWriter();

        var code = KeyCommands.Run(KeyCommands.HashKey, Pepper, new StringReader(key + "\n"), output, TextWriter.Null);

        Assert.Equal(0, code);
        Assert.Equal($"hash: {ApiKeys.SeedValue(keyId, ApiKeys.Hash(new string('p', 40), secret))}", output.ToString().Trim());
        Assert.DoesNotContain(secret, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_pepper_the_commands_refuse()
    {
        var error = new StringWriter();

        var code = KeyCommands.Run(KeyCommands.NewKey, new ConfigurationBuilder().Build(), TextReader.Null, TextWriter.Null, error);

        Assert.Equal(2, code);
        Assert.Contains("Carlos:Auth:Pepper", error.ToString(), StringComparison.Ordinal);
    }
}
