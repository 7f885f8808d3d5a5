using Carlos.Contracts.Identity;
using Carlos.Silo;

namespace Carlos.Tests.Operations;

public sealed class HashKeyCommandTests
{
    [Fact]
    public void Hash_key_prints_a_new_key_once_and_the_seed_variables_holding_only_its_hmac()
    {
        var pepper = $"pepper-{Guid.NewGuid():N}{Guid.NewGuid():N}";
        var output = new StringWriter();

        var status = HashKeyCommand.Run(["--tenant", "acme", "--user", "alice", "--role", "tenant_admin"],
            new StringReader(pepper + "\n"), output, new StringWriter());

        Assert.Equal(0, status);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var key = lines[0].Split(' ')[^1];
        Assert.True(ApiKeys.TryParse(key, out var keyId, out var secret));
        Assert.Equal("Carlos__Tenants__acme__Keys__0__User=alice", lines[1]);
        Assert.Equal("Carlos__Tenants__acme__Keys__0__Role=tenant_admin", lines[2]);
        Assert.Equal($"Carlos__Tenants__acme__Keys__0__Hash={ApiKeys.SeedValue(keyId, ApiKeys.Hash(pepper, secret))}", lines[3]);
        Assert.DoesNotContain(secret, string.Join('\n', lines[1..]), StringComparison.Ordinal);
    }

    [Fact]
    public void Hash_key_refuses_a_short_pepper()
    {
        var error = new StringWriter();
        var status = HashKeyCommand.Run(["--tenant", "acme", "--user", "alice"], new StringReader("short\n"),
            new StringWriter(), error);

        Assert.Equal(1, status);
        Assert.Contains("Carlos:Auth:Pepper", error.ToString(), StringComparison.Ordinal);
    }
}
