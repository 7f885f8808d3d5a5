namespace Carlos.Contracts.Designs;

/// <summary>Facts about design statuses that callers on both sides of the cluster rely on.</summary>
public static class DesignStatusExtensions
{
    /// <summary>True for statuses a design never leaves.</summary>
    public static bool IsTerminal(this DesignStatus status) => status is DesignStatus.Completed
        or DesignStatus.RevisionRequired or DesignStatus.Failed or DesignStatus.Cancelled or DesignStatus.Expired;
}
