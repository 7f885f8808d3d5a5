using System.Text;

namespace Carlos.Grains.Workflow;

/// <summary>Gathers streamed text and hands it on at most once per interval, and at the end.</summary>
internal sealed class TokenBatcher(TimeProvider time, TimeSpan interval, Action<string> emit)
{
    private readonly StringBuilder _buffer = new();
    private long _lastEmit;
    private bool _emitted;

    public void Add(string text)
    {
        _buffer.Append(text);
        if (!_emitted || time.GetElapsedTime(_lastEmit) >= interval)
        {
            Flush();
        }
    }

    public void Flush()
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        emit(_buffer.ToString());
        _buffer.Clear();
        _lastEmit = time.GetTimestamp();
        _emitted = true;
    }
}
