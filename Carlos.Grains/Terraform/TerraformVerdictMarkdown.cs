using System.Text;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Serialization;

namespace Carlos.Grains.Terraform;

/// <summary>Renders a Terraform check verdict as the Markdown a check step streams.</summary>
internal static class TerraformVerdictMarkdown
{
    public static string Render(TerraformVerdict verdict)
    {
        var text = new StringBuilder();
        text.AppendLine("## Terraform check");
        text.AppendLine();
        text.AppendLine($"**Verdict:** {CarlosJson.WireName(verdict.Result).ToUpperInvariant()}. {verdict.Summary}");
        if (verdict.Findings.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("| File | Line | Rule | Level | Message |");
            text.AppendLine("|---|---|---|---|---|");
            foreach (var f in verdict.Findings)
            {
                var message = f.Message.Replace("|", "\\|", StringComparison.Ordinal);
                text.AppendLine($"| {f.File} | {f.Line} | {f.Rule} | {CarlosJson.WireName(f.Level)} | {message} |");
            }
        }

        return text.ToString();
    }
}
