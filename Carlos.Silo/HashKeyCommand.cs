using Carlos.Contracts.Identity;
using Carlos.Grains.Identity;

namespace Carlos.Silo;

/// <summary>
/// <c>Carlos.Silo hash-key --tenant T --user U [--role user|tenant_admin] [--index N]</c>: makes a new API key and
/// prints it once, with the <c>Carlos__Tenants__...</c> variables that seed it (its HMAC, never the key) for the
/// <c>carlos-tenants</c> secret. The pepper is read from standard input, so it stays out of shell history.
/// </summary>
internal static class HashKeyCommand
{
    public const string Name = "hash-key";

    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal) { ["--role"] = "user", ["--index"] = "0" };
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            options[args[i]] = args[i + 1];
        }

        if (!options.TryGetValue("--tenant", out var tenant) || !options.TryGetValue("--user", out var user)
            || options["--role"] is not ("user" or "tenant_admin") || !int.TryParse(options["--index"], out var index))
        {
            error.WriteLine(
                $"usage: echo \"$PEPPER\" | {Name} --tenant T --user U [--role user|tenant_admin] [--index N]");
            return 2;
        }

        var pepper = input.ReadLine()?.Trim() ?? "";
        if (pepper.Length < IdentityOptions.MinimumPepperLength)
        {
            error.WriteLine($"{Name}: give the pepper (Carlos:Auth:Pepper, at least " +
                $"{IdentityOptions.MinimumPepperLength} characters) on standard input.");
            return 1;
        }

        var (keyId, key, secret) = ApiKeys.Generate();
        var prefix = $"Carlos__Tenants__{tenant}__Keys__{index}__";
        output.WriteLine($"# The key for {user}, shown this once: {key}");
        output.WriteLine($"{prefix}User={user}");
        output.WriteLine($"{prefix}Role={options["--role"]}");
        output.WriteLine($"{prefix}Hash={ApiKeys.SeedValue(keyId, ApiKeys.Hash(pepper, secret))}");
        return 0;
    }
}
