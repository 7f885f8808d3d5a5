using Carlos.Contracts.Identity;

namespace Carlos.Gateway.Identity;

/// <summary>
/// Who a request acts for. Until API keys arrive every request acts as the one development tenant and user; the
/// identity already travels with every grain call, so keys change only this class.
/// </summary>
internal static class RequestCaller
{
    public static readonly Caller Development = new("dev", "dev-user", CallerRole.User);

    public static Caller GetCaller(this HttpContext context) => Development;
}
