using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Carlos.Contracts.Cache;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Serialization;

namespace Carlos.Grains.Cache;

/// <summary>
/// What identifies a cached design: the requirements with case, white space and punctuation folded away, every
/// field of the request that shapes the design (the settings and any field added later, since the whole request is
/// hashed), and the versions of the model and catalog that made it.
/// </summary>
internal static class DesignCacheKey
{
    private const string Format = "carlos.design-cache.v1";
    private const string SharedPrefix = "shared:";
    private const string TenantPrefix = "tenant:";

    /// <summary>
    /// Lower case, punctuation and white space runs as one space, trimmed. Compatibility normalisation (NFKC) folds
    /// look-alike characters where the runtime has ICU; under invariant globalisation non-ASCII text stays as typed.
    /// </summary>
    public static string Normalize(string requirements)
    {
        var folded = requirements.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var text = new StringBuilder(folded.Length);
        var gap = false;
        foreach (var c in folded)
        {
            if (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsControl(c))
            {
                gap = text.Length > 0;
                continue;
            }

            if (gap)
            {
                text.Append(' ');
                gap = false;
            }

            text.Append(c);
        }

        return text.ToString();
    }

    /// <summary>The hash of the request's design-shaping content and the versions that would answer it.</summary>
    public static string Hash(DesignRequest request, string modelVersion, string catalogVersion, int revisionRounds)
    {
        var shaping = request with
        {
            Requirements = Normalize(request.Requirements),
            BypassCache = false,
            Settings = request.Settings with { MonthlyBudgetUsd = Canonical(request.Settings.MonthlyBudgetUsd) },
        };
        var material = string.Join('\n', Format, JsonSerializer.Serialize(shaping, CarlosJson.Options),
            $"model={modelVersion}", $"catalog={catalogVersion}",
            $"revisionRounds={revisionRounds.ToString(CultureInfo.InvariantCulture)}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(material)));
    }

    /// <summary>The entry grain's key: the scope, then the hash. No tenant id can spell the shared prefix.</summary>
    public static string EntryKey(DesignCacheScope scope, string tenantId, string hash) =>
        scope == DesignCacheScope.Shared ? SharedPrefix + hash : $"{TenantPrefix}{tenantId}:{hash}";

    public static DesignCacheScope ScopeOf(string entryKey) =>
        entryKey.StartsWith(SharedPrefix, StringComparison.Ordinal) ? DesignCacheScope.Shared : DesignCacheScope.Tenant;

    /// <summary>500, 500.0 and 500.00 are one budget.</summary>
    private static decimal? Canonical(decimal? value) => value / 1.000000000000000000000000000000000m;
}
