using Carlos.Contracts.Workspace;
using Carlos.Gateway.Http;

namespace Carlos.Gateway.Endpoints;

/// <summary>The body of <c>POST /v1/designs/{id}/deployment</c>, checked field by field.</summary>
public sealed record DeploymentBody
{
    public bool? Deployed { get; init; }

    public DateOnly? DeploymentDate { get; init; }

    public string? CloudProvider { get; init; }

    public string? Environment { get; init; }

    public bool? Success { get; init; }

    public IReadOnlyList<string>? IssuesEncountered { get; init; }

    public string? ModificationsMade { get; init; }

    public int? SatisfactionRating { get; init; }

    /// <summary>The earliest deployment date accepted; anything before is a typo.</summary>
    public static readonly DateOnly EarliestDate = new(2000, 1, 1);

    public (DeploymentFeedback? Feedback, IResult? Problem) Validate(DateOnly today)
    {
        if (Deployed is not { } deployed)
        {
            return Fail("deployed", "Say whether the design was deployed (true or false).");
        }

        if (deployed && DeploymentDate is null)
        {
            return Fail("deploymentDate", "A deployed design needs its deployment date (YYYY-MM-DD).");
        }

        if (!deployed && DeploymentDate is not null)
        {
            return Fail("deploymentDate", "Leave the date out when the design was not deployed.");
        }

        // A day of slack for clients ahead of UTC.
        if (DeploymentDate is { } date && (date < EarliestDate || date > today.AddDays(1)))
        {
            return Fail("deploymentDate", $"The date must be from {EarliestDate:yyyy-MM-dd} to today.");
        }

        var provider = CloudProvider?.Trim().ToLowerInvariant();
        if (provider is null || !DeploymentRecord.CloudProviders.Contains(provider))
        {
            return Fail("cloudProvider", $"Use one of: {string.Join(", ", DeploymentRecord.CloudProviders)}.");
        }

        var environment = Environment?.Trim().ToLowerInvariant();
        if (environment is null || !DeploymentRecord.Environments.Contains(environment))
        {
            return Fail("environment", $"Use one of: {string.Join(", ", DeploymentRecord.Environments)}.");
        }

        if (deployed && Success is null)
        {
            return Fail("success", "Say whether the deployment succeeded (true or false).");
        }

        if (!deployed && Success is not null)
        {
            return Fail("success", "Leave success out when the design was not deployed.");
        }

        var issues = IssuesEncountered ?? [];
        if (issues.Count > DeploymentRecord.MaxIssues)
        {
            return Fail("issuesEncountered", $"List at most {DeploymentRecord.MaxIssues} issues.");
        }

        if (issues.Any(i => string.IsNullOrWhiteSpace(i) || i.Trim().Length > DeploymentRecord.MaxIssueLength))
        {
            return Fail("issuesEncountered",
                $"Each issue must be 1 to {DeploymentRecord.MaxIssueLength} characters.");
        }

        var modifications = string.IsNullOrWhiteSpace(ModificationsMade) ? null : ModificationsMade.Trim();
        if (modifications?.Length > DeploymentRecord.MaxModificationsLength)
        {
            return Fail("modificationsMade",
                $"Describe the modifications in at most {DeploymentRecord.MaxModificationsLength} characters.");
        }

        if (SatisfactionRating is not (>= 1 and <= 5) || SatisfactionRating is not { } rating)
        {
            return Fail("satisfactionRating", "Rate the design from 1 to 5.");
        }

        return (new DeploymentFeedback(deployed, DeploymentDate, provider, environment, Success,
            issues.Select(i => i.Trim()).ToList(), modifications, rating), null);
    }

    private static (DeploymentFeedback?, IResult?) Fail(string field, string message) =>
        (null, Problems.Validation(field, message));
}
