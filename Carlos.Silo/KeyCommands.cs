using Carlos.Contracts.Identity;

namespace Carlos.Silo;

/// <summary>
/// Operator commands for seeded keys. <c>new-key</c> makes a key and prints it with the <c>Hash</c> value to seed;
/// <c>hash-key</c> reads an existing key from standard input and prints its <c>Hash</c> value. Both take the pepper
/// from <c>Carlos:Auth:Pepper</c> (for example the <c>Carlos__Auth__Pepper</c> environment variable).
/// </summary>
internal static class KeyCommands
{
    public const string NewKey = "new-key";
    public const string HashKey = "hash-key";

    public static int Run(string command, IConfiguration configuration, TextReader input, TextWriter output, TextWriter error)
    {
        var pepper = configuration["Carlos:Auth:Pepper"];
        if (pepper is not { Length: >= 32 })
        {
            error.WriteLine($"{command}: set Carlos:Auth:Pepper (at least 32 characters), e.g. Carlos__Auth__Pepper=...");
            return 2;
        }

        string keyId, key, secret;
        if (command == NewKey)
        {
            (keyId, key, secret) = ApiKeys.Generate();
            output.WriteLine($"key:  {key}");
        }
        else if (!ApiKeys.TryParse(input.ReadLine()?.Trim(), out keyId!, out secret!))
        {
            error.WriteLine($"{command}: standard input is not a Carlos API key (ck_<16 hex>.<secret>).");
            return 1;
        }

        output.WriteLine($"hash: {ApiKeys.SeedValue(keyId, ApiKeys.Hash(pepper, secret))}");
        return 0;
    }
}
