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

public sealed class RateLimitPolicyTests
{
    private static Carlos.Gateway.RateLimiting.RateLimitPolicies Policies(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = new Carlos.Gateway.RateLimiting.RateLimitOptions();
        configuration.GetSection("Carlos:RateLimits").Bind(options.Defaults);
        configuration.GetSection("Carlos:Plans").Bind(options.Plans);
        return new Carlos.Gateway.RateLimiting.RateLimitPolicies(Microsoft.Extensions.Options.Options.Create(options));
    }

    [Fact]
    public void A_setting_given_alone_keeps_the_other_from_the_default()
    {
        var policies = Policies(new()
        {
            ["Carlos:RateLimits:design:PermitLimit"] = "20",
            ["Carlos:Plans:team:RateLimits:design:Window"] = "00:30:00",
        });

        Assert.Equal(new Carlos.Contracts.RateLimits.RateLimitPolicy("design", 20, TimeSpan.FromHours(1)), policies.For("default", "design"));
        Assert.Equal(new Carlos.Contracts.RateLimits.RateLimitPolicy("design", 20, TimeSpan.FromMinutes(30)), policies.For("team", "design"));
        Assert.Equal(new Carlos.Contracts.RateLimits.RateLimitPolicy("read", 600, TimeSpan.FromMinutes(1)), policies.For("team", "read"));
    }

    [Theory]
    [InlineData("Carlos:RateLimits:desgn:PermitLimit", "5", "Carlos:RateLimits:desgn")]
    [InlineData("Carlos:RateLimits:design:PermitLimit", "0", "Carlos:RateLimits:design")]
    [InlineData("Carlos:Plans:team:RateLimits:read:Window", "00:00:00", "Carlos:Plans:team:RateLimits:read")]
    public void A_wrong_quota_setting_stops_start_up_naming_its_key(string key, string value, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Policies(new() { [key] = value }));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
