using System.Globalization;
using System.Text;

namespace Carlos.Contracts.Workspace;

/// <summary>
/// Where a design list page ends: the creation time and id of its last item. On the wire it is an opaque base64url
/// string, so clients pass it back without reading it.
/// </summary>
[GenerateSerializer, Immutable]
[Alias("Carlos.DesignCursor")]
public readonly record struct DesignCursor([property: Id(0)] long CreatedTicks, [property: Id(1)] Guid Id)
{
    public string Encode()
    {
        var raw = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{CreatedTicks}:{Id:N}"));
        return Convert.ToBase64String(raw).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static bool TryDecode(string? text, out DesignCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 128)
        {
            return false;
        }

        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.ASCII.GetString(Convert.FromBase64String(padded)).Split(':');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                && Guid.TryParseExact(parts[1], "N", out var id))
            {
                cursor = new DesignCursor(ticks, id);
                return true;
            }
        }
        catch (FormatException)
        {
        }

        return false;
    }
}
