using Carlos.Contracts.Identity;

namespace Carlos.Gateway.Identity;

/// <summary>Who a request acts for, as <see cref="ApiKeyFilter"/> established it from the request's key.</summary>
internal static class RequestCaller
{
    private const string ItemKey = "carlos.caller";
    private const string PlanKey = "carlos.plan";

    public static Caller GetCaller(this HttpContext context) =>
        context.Items[ItemKey] as Caller
        ?? throw new InvalidOperationException("The endpoint is not behind the API key filter.");

    public static string GetPlan(this HttpContext context) => context.Items[PlanKey] as string ?? "default";

    public static void SetCaller(this HttpContext context, Caller caller, string plan)
    {
        context.Items[ItemKey] = caller;
        context.Items[PlanKey] = plan;
    }
}
