using System.Globalization;
using System.Text;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Serialization;

namespace Carlos.Grains.Agents;

/// <summary>Renders the reviewers' structured records as the Markdown people read.</summary>
internal static class ReportMarkdown
{
    public static string Security(SecurityReport report)
    {
        var text = new StringBuilder();
        text.AppendLine("## Security review");
        text.AppendLine();
        text.AppendLine($"**Overall score:** {report.OverallSecurityScore}/100");
        text.AppendLine();
        foreach (var f in report.Findings.OrderByDescending(f => f.Severity))
        {
            text.AppendLine($"- **{CarlosJson.WireName(f.Severity)}** {f.Title}: {f.Description} " +
                $"_Recommendation: {f.Recommendation}_ ({string.Join(", ", f.AffectedServices)})");
        }

        List(text, "Controls", report.SecurityControls);
        List(text, "Compliance frameworks", report.ComplianceFrameworks);
        return text.ToString();
    }

    public static string Cost(CostReport report)
    {
        var text = new StringBuilder();
        text.AppendLine("## Cost analysis");
        text.AppendLine();
        text.AppendLine(Format($"**Total monthly cost:** {report.TotalMonthlyCostUsd:N2} USD"));
        text.AppendLine(Format($"**Total annual cost:** {report.TotalAnnualCostUsd:N2} USD"));
        text.AppendLine();
        text.AppendLine("| Service | SKU | Quantity | Monthly USD | Category | Price status |");
        text.AppendLine("|---|---|---|---|---|---|");
        foreach (var s in report.Services)
        {
            text.AppendLine(Format(
                $"| {s.Name} | {s.Sku} | {s.Quantity} | {s.MonthlyCostUsd:N2} | {CarlosJson.WireName(s.Category)} | {s.PriceStatus} ({s.Region}, {s.PriceAsOf}) |"));
        }

        text.AppendLine();
        text.AppendLine("### Cost by category");
        text.AppendLine();
        foreach (var (category, cost) in report.CostByCategory.OrderByDescending(c => c.Value))
        {
            text.AppendLine(Format($"- **{CarlosJson.WireName(category)}:** {cost:N2} USD a month"));
        }

        List(text, "Cost drivers", report.CostDrivers);
        List(text, "Optimisation opportunities", report.OptimizationOpportunities);
        if (report.UnpricedServices.Count > 0)
        {
            List(text, "Not in the catalog, so not priced", report.UnpricedServices);
        }

        return text.ToString();
    }

    public static string Reliability(ReliabilityReport report)
    {
        var text = new StringBuilder();
        text.AppendLine("## Reliability review");
        text.AppendLine();
        text.AppendLine(Format($"**Estimated composite SLA:** {report.EstimatedSlaPercentage:0.###}% over {report.Regions} region(s)"));
        text.AppendLine(Format($"**Recovery objectives:** RTO {report.DisasterRecoveryRtoHours:0.##} h, RPO {report.DisasterRecoveryRpoHours:0.##} h"));
        List(text, "Single points of failure", report.SinglePointsOfFailure);
        List(text, "Redundancy", report.RedundancyMeasures);
        List(text, "Monitoring", report.MonitoringRecommendations);
        return text.ToString();
    }

    public static string Validation(ValidationVerdict verdict)
    {
        var text = new StringBuilder();
        text.AppendLine("## Validation");
        text.AppendLine();
        text.AppendLine($"**{(verdict.ValidationPassed ? "Passed" : "Failed")}** ({CarlosJson.WireName(verdict.Severity)}): {verdict.Summary}");
        text.AppendLine();
        foreach (var issue in verdict.Issues)
        {
            text.AppendLine($"- **{CarlosJson.WireName(issue.Severity)}** ({CarlosJson.WireName(issue.Type)}) " +
                $"{issue.Message} _Recommendation: {issue.Recommendation}_");
        }

        return text.ToString();
    }

    public static string Choice(Contracts.Designs.DesignChoice choice, string summary)
    {
        var text = new StringBuilder();
        text.AppendLine("## Choice");
        text.AppendLine();
        text.AppendLine($"**The {CarlosJson.WireName(choice.Chosen)} design** is recommended.");
        List(text, "Reasons", choice.Reasons);
        List(text, "Trade-offs", [$"Cost: {choice.TradeOffs.Cost}", $"Reliability: {choice.TradeOffs.Reliability}",
            $"Security: {choice.TradeOffs.Security}", $"Operability: {choice.TradeOffs.Operability}"]);
        if (!string.IsNullOrWhiteSpace(summary))
        {
            text.AppendLine();
            text.AppendLine(summary.TrimEnd());
        }

        return text.ToString();
    }

    private static void List(StringBuilder text, string title, IReadOnlyList<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.AppendLine();
        text.AppendLine($"### {title}");
        text.AppendLine();
        foreach (var item in items)
        {
            text.AppendLine($"- {item}");
        }
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
