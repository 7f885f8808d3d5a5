using System.ComponentModel.DataAnnotations;

namespace Carlos.Grains.Workspace;

/// <summary>Settings of the tenant workspace (<c>Carlos:Workspace</c>), and each plan's retention.</summary>
public sealed class WorkspaceOptions
{
    public const string SectionName = "Carlos:Workspace";

    /// <summary>The section whose <c>{plan}:RetentionDays</c> keys override <see cref="RetentionDays"/>.</summary>
    public const string PlansSection = "Carlos:Plans";

    /// <summary>How many days designs, their events and documents are kept, for plans that set none. Default 90.</summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 90;

    /// <summary>How often each tenant's retention sweep runs. Default 1 hour; Orleans reminders need 1 minute or more.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many deployment records must report the same issue or change before it becomes a lesson. Default 2.</summary>
    [Range(1, 1000)]
    public int LessonThreshold { get; set; } = 2;

    /// <summary>The retention in days of each plan that sets <c>Carlos:Plans:{plan}:RetentionDays</c>.</summary>
    public Dictionary<string, int> PlanRetentionDays { get; } = new(StringComparer.Ordinal);

    public TimeSpan RetentionFor(string? plan) => TimeSpan.FromDays(
        plan is not null && PlanRetentionDays.TryGetValue(plan, out var days) ? days : RetentionDays);
}
