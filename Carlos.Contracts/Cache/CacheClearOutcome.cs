namespace Carlos.Contracts.Cache;

public enum CacheClearOutcome
{
    Cleared = 0,

    /// <summary>The caller is not a tenant admin of this tenant; nothing was removed.</summary>
    Forbidden = 1,
}
