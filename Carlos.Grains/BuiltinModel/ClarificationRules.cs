using Carlos.Contracts.Designs;
using Carlos.Grains.Agents;
using Carlos.Grains.Catalog;
using Carlos.Grains.Model;

namespace Carlos.Grains.BuiltinModel;

/// <summary>
/// The built-in clarifier: requirements that name no catalog service, under the <c>custom</c> scenario, give the
/// architect nothing to design from, so it asks; anything else is designed as it stands.
/// </summary>
internal sealed class ClarificationRules(ServiceCatalog catalog)
{
    private static readonly IReadOnlyList<string> Questions =
    [
        "What does the workload do, and who uses it: staff, the public internet, or devices?",
        "Which compute do you prefer: containers on Kubernetes, a managed web platform, or serverless functions?",
        "What data does it keep, and in what shape: relational tables, documents, files or event streams?",
        "How many users or requests a second at peak, and how available must it be?",
        "Which Azure region, compliance regime (for example GDPR, HIPAA or PCI DSS) and monthly budget apply?",
    ];

    public ClarificationDraft Decide(AgentContext context)
    {
        var vague = context.Settings.Scenario == ScenarioPresets.Custom && catalog.Match(context.Requirements).Count == 0;
        return vague ? new ClarificationDraft(true, Questions) : new ClarificationDraft(false, []);
    }
}
