namespace Carlos.Contracts.Designs;

/// <summary>What answering a design's questions did.</summary>
public enum AnswerOutcome
{
    Accepted = 0,

    /// <summary>The design is not waiting for answers (none were asked, or it already went on).</summary>
    NotAwaitingAnswers = 1,

    /// <summary>No answers, more answers than questions, or an answer that is empty or too long.</summary>
    Invalid = 2,

    NotFound = 3,
}
