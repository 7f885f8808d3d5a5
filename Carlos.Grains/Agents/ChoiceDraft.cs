using Carlos.Contracts.Designs;

namespace Carlos.Grains.Agents;

/// <summary>
/// The recommender's answer when it chooses between the lead and rival designs: the choice, its reasons, the
/// trade-offs in four respects, and a short Markdown summary for the person who asked.
/// </summary>
public sealed record ChoiceDraft(
    DesignCandidate Chosen,
    IReadOnlyList<string> Reasons,
    ChoiceTradeOffs TradeOffs,
    string Summary);
