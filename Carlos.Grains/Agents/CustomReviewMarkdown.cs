using System.Text;
using Carlos.Contracts.Serialization;
using Carlos.Contracts.Workspace;

namespace Carlos.Grains.Agents;

/// <summary>Renders a custom agent's report as the Markdown people read.</summary>
internal static class CustomReviewMarkdown
{
    public static string Render(CustomReviewReport report)
    {
        var text = new StringBuilder();
        text.AppendLine($"## {report.Name}");
        text.AppendLine();
        text.AppendLine($"**Focus:** {report.Focus}");
        text.AppendLine();
        foreach (var f in report.Findings.OrderByDescending(f => f.Severity))
        {
            text.AppendLine($"- **{CarlosJson.WireName(f.Severity)}** ({CarlosJson.WireName(f.Area)}) {f.Title}: " +
                $"{f.Description} _Recommendation: {f.Recommendation}_");
        }

        if (report.Findings.Count == 0)
        {
            text.AppendLine("- No findings.");
        }

        text.AppendLine();
        text.AppendLine(report.Summary);
        return text.ToString();
    }
}
