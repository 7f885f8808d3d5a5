using System.Globalization;
using System.Text;

namespace Carlos.Grains.Documents.Extraction;

/// <summary>
/// Collects extracted text up to a number of characters. Extractors stop once it is full, so a huge document costs
/// no more than the text kept; the cut is marked with a note in the text.
/// </summary>
internal sealed class TextBudget(int maxCharacters)
{
    private readonly StringBuilder _text = new();

    public bool IsFull { get; private set; }

    /// <summary>True once anything but whitespace and markers was appended.</summary>
    public bool HasContent { get; private set; }

    public void Append(string piece)
    {
        HasContent |= !string.IsNullOrWhiteSpace(piece);
        AppendMarker(piece);
    }

    /// <summary>Appends text that Carlos adds itself, such as page markers, which does not count as content.</summary>
    public void AppendMarker(string piece)
    {
        if (IsFull)
        {
            return;
        }

        var room = maxCharacters - _text.Length;
        if (piece.Length <= room)
        {
            _text.Append(piece);
            return;
        }

        // Never cut a surrogate pair in half.
        var cut = room > 0 && char.IsHighSurrogate(piece[room - 1]) ? room - 1 : room;
        _text.Append(piece, 0, Math.Max(0, cut));
        IsFull = true;
    }

    public void AppendLine(string line = "")
    {
        Append(line);
        Append("\n");
    }

    /// <summary>The text so far; a document with no content at all fails with <paramref name="emptyReason"/>.</summary>
    public ExtractedText Finish(int? pages, string emptyReason)
    {
        if (!HasContent)
        {
            throw new DocumentRejectedException(emptyReason);
        }

        var text = _text.ToString().TrimEnd();
        if (IsFull)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"\n\n[Truncated: the document's text is longer "
                + $"than {maxCharacters:N0} characters; the rest was left out.]");
        }

        return new ExtractedText(text, pages, IsFull);
    }
}
