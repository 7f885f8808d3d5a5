using System.Globalization;
using System.Text;
using Carlos.Grains.Model;

namespace Carlos.Grains.BuiltinModel;

/// <summary>The built-in recommender: a short summary a person can act on.</summary>
internal static class RecommendationWriter
{
    public static string Write(AgentContext context)
    {
        var text = new StringBuilder();
        text.AppendLine("## Recommendation");
        text.AppendLine();
        if (context.Cost is { } cost)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- Expect about {cost.TotalMonthlyCostUsd:0.00} USD a month ({cost.TotalAnnualCostUsd:0} USD a year) at list prices; the largest items are {string.Join("; ", cost.CostDrivers)}."));
        }

        if (context.Reliability is { } reliability)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"- The composite SLA is about {reliability.EstimatedSlaPercentage:0.###}% across {reliability.Regions} region(s), with a recovery time of {reliability.DisasterRecoveryRtoHours:0.##} h and data loss under {reliability.DisasterRecoveryRpoHours:0.##} h."));
        }

        if (context.Security is { } security)
        {
            text.AppendLine($"- Security score {security.OverallSecurityScore}/100. Act first on: " +
                string.Join("; ", security.Findings.OrderByDescending(f => f.Severity).Take(2).Select(f => f.Recommendation)));
        }

        if (context.Validation is { } verdict)
        {
            text.AppendLine($"- Validation: {verdict.Summary}");
        }

        if (context.Round > 1)
        {
            text.AppendLine($"- The architect revised the design {context.Round - 1} time(s) to meet the validator's rules.");
        }

        text.AppendLine("- Deploy to a test subscription first and review the Terraform plan before applying it.");
        return text.ToString();
    }
}
