namespace Carlos.Contracts.Designs;

/// <summary>
/// One of the two designs a request with the rival gets: the lead architect's and the rival architect's, which
/// designs from the same requirements with another emphasis. On the wire they are <c>lead</c> and <c>rival</c>.
/// </summary>
public enum DesignCandidate
{
    Lead = 0,
    Rival = 1,
}
