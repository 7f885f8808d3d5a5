using System.Globalization;
using Carlos.Contracts.Workspace;

namespace Carlos.Grains.Workspace;

/// <summary>
/// Turns a tenant's tallies into lessons for its later designs: issues reported again and again, scenarios whose
/// designs were rated low, and changes users keep making. Each must recur <see cref="WorkspaceOptions.LessonThreshold"/>
/// times. Lessons come from one tenant's state only, so they never reach another tenant.
/// </summary>
internal static class Lessons
{
    public const int MaxLessons = 10;

    /// <summary>An average rating at or below this makes a scenario's designs a lesson.</summary>
    public const double LowRating = 2.5;

    public static IReadOnlyList<Lesson> From(DeploymentAnalyticsState state, WorkspaceOptions options)
    {
        var threshold = options.LessonThreshold;
        var all = ScenarioTally.Sum(state.Tallies.Values);
        var lessons = new List<Lesson>();

        foreach (var (key, count) in Recurring(all.Issues, threshold))
        {
            lessons.Add(new Lesson(Lesson.IssuePrefix + key, Invariant(
                $"{state.Groups.LabelOf(key)} was reported in {count} of this tenant's deployments; plan for it.")));
        }

        foreach (var (scenario, tally) in state.Tallies.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (tally.Ratings >= threshold && (double)tally.RatingSum / tally.Ratings <= LowRating)
            {
                lessons.Add(new Lesson(Lesson.RatingPrefix + scenario, Invariant(
                    $"Designs for the {scenario} scenario were rated {(double)tally.RatingSum / tally.Ratings:0.0} of 5 on average over {tally.Ratings} deployments; review their weak points.")));
            }
        }

        foreach (var (key, count) in Recurring(all.Modifications, threshold))
        {
            lessons.Add(new Lesson(Lesson.ModificationPrefix + key, Invariant(
                $"Users changed designs this way {count} times after deployment: {state.Groups.LabelOf(key)}.")));
        }

        return lessons.Take(MaxLessons).ToList();
    }

    private static IEnumerable<(string Key, int Count)> Recurring(Dictionary<string, int> counts, int threshold) =>
        counts.Where(c => c.Value >= threshold)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (c.Key, c.Value));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
