using System.Globalization;
using Carlos.Contracts.Designs;
using Carlos.Contracts.Reports;
using Carlos.Contracts.Serialization;
using Carlos.Grains.Model;

namespace Carlos.Grains.Agents;

/// <summary>
/// How a choice between the lead and rival designs follows from their reviews. A design that failed validation is
/// never chosen. Between two valid designs, each respect (cost, reliability, security, operability) gives the design
/// that is better in it an advantage of up to 1, weighted by the settings: cost counts double for
/// <c>cost_optimized</c> or under a budget, reliability double for <c>high</c> and triple for <c>extreme</c>,
/// security double for <c>regulated</c> and triple for <c>strict</c>. The rival must come out ahead to be chosen;
/// a tie keeps the lead. Before the respects, when the services the requirements name are known, a valid design
/// that keeps all of them is chosen over one that replaces some: the user asked for them, and can still overrule.
/// </summary>
internal static class ChoiceRules
{
    public static ChoiceDraft Choose(AgentContext context, IReadOnlyCollection<string>? named = null)
    {
        var (lead, rival) = Pair(context.Candidates!);
        var settings = context.Settings;
        var respects = Respects(lead, rival, settings);
        DesignCandidate chosen;
        var reasons = new List<string>();
        if (lead.Passed != rival.Passed)
        {
            chosen = lead.Passed ? DesignCandidate.Lead : DesignCandidate.Rival;
            var failed = lead.Passed ? rival : lead;
            reasons.Add($"The {Name(failed.Candidate)} design failed validation ({failed.Validation?.Summary}), " +
                "so it cannot be chosen.");
        }
        else if (named is { Count: > 0 } && Missing(lead, named).Count != Missing(rival, named).Count)
        {
            var keeps = Missing(lead, named).Count < Missing(rival, named).Count ? lead : rival;
            var drops = keeps == lead ? rival : lead;
            chosen = keeps.Candidate;
            reasons.Add($"It keeps the services the requirements name ({string.Join(", ", named)}); the " +
                $"{Name(drops.Candidate)} design replaces {string.Join(", ", Missing(drops, named))}.");
        }
        else
        {
            chosen = respects.Sum(r => r.Weight * r.Advantage) > 0 ? DesignCandidate.Rival : DesignCandidate.Lead;
        }

        var sign = chosen == DesignCandidate.Rival ? 1 : -1;
        reasons.AddRange(respects
            .Where(r => sign * r.Advantage > 0)
            .OrderByDescending(r => r.Weight * Math.Abs(r.Advantage))
            .Select(r => r.Reason(chosen)));
        if (reasons.Count == 0)
        {
            reasons.Add("Both designs are valid and neither is better in cost, reliability, security or operability, " +
                "so the lead design stands.");
        }

        return new ChoiceDraft(chosen, reasons, TradeOffs(lead, rival), "");
    }

    /// <summary>
    /// Holds a model's choice to the rule that a design which failed validation is never chosen: such a choice is
    /// turned to the other design, with the reason first.
    /// </summary>
    public static ChoiceDraft Enforce(ChoiceDraft draft, IReadOnlyList<CandidateReview> candidates)
    {
        var (lead, rival) = Pair(candidates);
        var picked = draft.Chosen == DesignCandidate.Lead ? lead : rival;
        var other = draft.Chosen == DesignCandidate.Lead ? rival : lead;
        if (picked.Passed || !other.Passed)
        {
            return draft;
        }

        var reason = $"The {Name(picked.Candidate)} design failed validation, so Carlos chose the " +
            $"{Name(other.Candidate)} design instead of the recommender's pick.";
        return draft with { Chosen = other.Candidate, Reasons = [reason, .. draft.Reasons] };
    }

    public static ChoiceTradeOffs TradeOffs(CandidateReview lead, CandidateReview rival) => new(
        Cost: $"Lead {Usd(Cost(lead))} a month, rival {Usd(Cost(rival))}: " +
            Compare(Cost(rival) - Cost(lead), d => $"the rival costs {Usd(Math.Abs(d))} {(d < 0 ? "less" : "more")}",
                "they cost the same"),
        Reliability: $"Lead composite SLA {Sla(lead)}, rival {Sla(rival)}: " +
            Compare((decimal)(SlaOf(rival) - SlaOf(lead)),
                d => $"the rival is {(d > 0 ? "more" : "less")} available ({Minutes(lead)} against {Minutes(rival)} " +
                    "minutes of downtime a month allowed)", "the same availability"),
        Security: $"Lead scores {Score(lead)}/100 with {Severe(lead)} high or critical finding(s), rival " +
            $"{Score(rival)}/100 with {Severe(rival)}.",
        Operability: $"Lead runs {Services(lead)} service(s) with {Spof(lead)} single point(s) of failure, rival " +
            $"{Services(rival)} with {Spof(rival)}.");

    private sealed record Respect(double Weight, double Advantage, Func<DesignCandidate, string> Reason);

    /// <summary>Each respect's weight and advantage; a positive advantage favours the rival.</summary>
    private static List<Respect> Respects(CandidateReview lead, CandidateReview rival, DesignSettings settings)
    {
        var costWeight = settings.CostPerformance == CostPerformance.CostOptimized || settings.MonthlyBudgetUsd is not null
            ? 2 : 1;
        var reliabilityWeight = settings.Reliability switch
        {
            ReliabilityTarget.Extreme => 3, ReliabilityTarget.High => 2, _ => 1,
        };
        var securityWeight = settings.Compliance switch
        {
            ComplianceLevel.Strict => 3, ComplianceLevel.Regulated => 2, _ => 1,
        };

        var (costLead, costRival) = ((double)Cost(lead), (double)Cost(rival));
        var (downLead, downRival) = (100 - SlaOf(lead), 100 - SlaOf(rival));
        var (opsLead, opsRival) = (Operations(lead), Operations(rival));
        return
        [
            new(costWeight, Relative(costLead, costRival), c => $"It costs {Usd(Math.Abs(Cost(rival) - Cost(lead)))} " +
                $"a month less than the {Other(c)} design ({Usd(Cost(Of(c, lead, rival)))} against " +
                $"{Usd(Cost(Of(Flip(c), lead, rival)))})."),
            new(reliabilityWeight, Relative(downLead, downRival), c => $"Its composite SLA is higher " +
                $"({Sla(Of(c, lead, rival))} against {Sla(Of(Flip(c), lead, rival))} for the {Other(c)} design)."),
            new(securityWeight, (Score(rival) - Score(lead)) / 100.0, c => $"It scores better on security " +
                $"({Score(Of(c, lead, rival))}/100 against {Score(Of(Flip(c), lead, rival))}/100)."),
            new(1, Relative(opsLead, opsRival), c => $"It is simpler to operate ({Services(Of(c, lead, rival))} " +
                $"service(s) and {Spof(Of(c, lead, rival))} single point(s) of failure, against " +
                $"{Services(Of(Flip(c), lead, rival))} and {Spof(Of(Flip(c), lead, rival))})."),
        ];
    }

    /// <summary>How much smaller the rival's figure is than the lead's, as a share of the larger (-1 to 1).</summary>
    private static double Relative(double lead, double rival)
    {
        var larger = Math.Max(Math.Abs(lead), Math.Abs(rival));
        return larger < 1e-9 ? 0 : (lead - rival) / larger;
    }

    private static (CandidateReview Lead, CandidateReview Rival) Pair(IReadOnlyList<CandidateReview> candidates) =>
        (candidates.Single(c => c.Candidate == DesignCandidate.Lead),
            candidates.Single(c => c.Candidate == DesignCandidate.Rival));

    private static CandidateReview Of(DesignCandidate c, CandidateReview lead, CandidateReview rival) =>
        c == DesignCandidate.Lead ? lead : rival;

    private static DesignCandidate Flip(DesignCandidate c) =>
        c == DesignCandidate.Lead ? DesignCandidate.Rival : DesignCandidate.Lead;

    private static string Other(DesignCandidate c) => Name(Flip(c));

    public static string Name(DesignCandidate c) => CarlosJson.WireName(c);

    private static decimal Cost(CandidateReview c) => c.Cost?.TotalMonthlyCostUsd ?? 0;

    private static double SlaOf(CandidateReview c) => c.Reliability?.EstimatedSlaPercentage ?? 0;

    private static int Score(CandidateReview c) => c.Security?.OverallSecurityScore ?? 0;

    private static int Severe(CandidateReview c) =>
        c.Security?.Findings.Count(f => f.Severity >= FindingSeverity.High) ?? 0;

    private static int Services(CandidateReview c) =>
        c.Cost?.Services.Select(s => s.ServiceId).Distinct(StringComparer.Ordinal).Count() ?? 0;

    private static List<string> Missing(CandidateReview c, IReadOnlyCollection<string> named) =>
        named.Where(id => c.Cost?.Services.Any(s => s.ServiceId == id) != true).ToList();

    private static int Spof(CandidateReview c) => c.Reliability?.SinglePointsOfFailure.Count ?? 0;

    /// <summary>What there is to run: every service, and each single point of failure twice over.</summary>
    private static double Operations(CandidateReview c) => Services(c) + 2 * Spof(c);

    private static string Compare(decimal difference, Func<decimal, string> differs, string same) =>
        difference == 0 ? same + "." : differs(difference) + ".";

    private static string Usd(decimal amount) => string.Create(CultureInfo.InvariantCulture, $"{amount:0.00} USD");

    private static string Sla(CandidateReview c) => string.Create(CultureInfo.InvariantCulture, $"{SlaOf(c):0.###}%");

    private static string Minutes(CandidateReview c) =>
        string.Create(CultureInfo.InvariantCulture, $"{(100 - SlaOf(c)) / 100 * 730 * 60:0.#}");
}
