using System.Globalization;
using System.Text;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Workspace;
using Carlos.Grains.Catalog;
using Carlos.Grains.Model;

namespace Carlos.Grains.BuiltinModel;

/// <summary>
/// How the built-in architect and validator act on the tenant's lessons. Every lesson is listed in the design; a
/// recurring quota or capacity issue adds a quota check of the design's compute and data SKUs and a second region
/// option, and the validator warns when a design lacks that check.
/// </summary>
internal static class LessonRules
{
    public const string QuotaHeading = "## Quota check";

    private static readonly HashSet<string> QuotaLessons =
        [Lesson.IssuePrefix + "quota_exceeded", Lesson.IssuePrefix + "capacity_unavailable"];

    public static bool HasQuotaLesson(AgentContext context) => context.Lessons.Any(l => QuotaLessons.Contains(l.Id));

    public static void AppendLessons(StringBuilder text, AgentContext context, DesignPlan plan, ServiceCatalog catalog)
    {
        if (context.Lessons.Count == 0)
        {
            return;
        }

        text.AppendLine("## Lessons from earlier deployments");
        text.AppendLine();
        foreach (var lesson in context.Lessons)
        {
            text.AppendLine($"- `{lesson.Id}`: {lesson.Summary}");
        }

        text.AppendLine();
        if (!HasQuotaLesson(context))
        {
            return;
        }

        text.AppendLine(QuotaHeading);
        text.AppendLine();
        text.AppendLine("Earlier deployments ran out of quota or capacity, so check these before `terraform apply`:");
        text.AppendLine();
        foreach (var c in plan.InRegion(DesignPlan.PrimaryRegion)
                     .Where(c => catalog.Get(c.ServiceId).Category is ServiceCategory.Compute or ServiceCategory.Database))
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- {c.Name} (`{c.ServiceId}`): {c.Quantity} × {c.Sku}; compare with the subscription's quota in the region."));
        }

        text.AppendLine("- Run `az vm list-usage --location <region> -o table` and `az quota list` for the target region, " +
            "and request increases before deploying.");
        text.AppendLine($"- Second region option: if the primary region's quota cannot be raised in time, deploy the " +
            $"same components to the {DesignPlan.SecondaryRegion} region (its paired region); the Terraform takes the " +
            "location as a variable.");
        text.AppendLine();
    }

    /// <summary>Extra lines for the design choices list.</summary>
    public static IEnumerable<string> Choices(AgentContext context)
    {
        if (HasQuotaLesson(context))
        {
            yield return $"- Second region option: {DesignPlan.SecondaryRegion} (for quota or capacity shortfalls)";
        }
    }

    /// <summary>The validator's issues from lessons the design did not act on.</summary>
    public static IEnumerable<ValidationIssue> Issues(AgentContext context)
    {
        if (HasQuotaLesson(context) && context.DesignMarkdown?.Contains(QuotaHeading, StringComparison.Ordinal) != true)
        {
            yield return new ValidationIssue(ValidationIssueType.Completeness, ValidationSeverity.Warning,
                "Earlier deployments of this organisation hit quota limits, and the design has no quota check.",
                "Check the subscription's quotas for the design's SKUs and name a second region to fall back to.");
        }
    }
}
