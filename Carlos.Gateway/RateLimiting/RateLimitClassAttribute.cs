namespace Carlos.Gateway.RateLimiting;

/// <summary>Names the quota an endpoint is charged to; endpoints without it are <c>read</c>.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
internal sealed class RateLimitClassAttribute(string endpointClass) : Attribute
{
    public string EndpointClass { get; } = endpointClass;
}

internal static class RateLimitClassExtensions
{
    public static TBuilder ChargedAs<TBuilder>(this TBuilder builder, string endpointClass)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RateLimitClassAttribute(endpointClass));

    /// <summary>Marks the request as not to be charged (an idempotent replay): the filter gives the permit back.</summary>
    public static void RefundQuota(this HttpContext context) => context.Items[RefundKey] = true;

    public static bool QuotaRefundRequested(this HttpContext context) => context.Items.ContainsKey(RefundKey);

    private const string RefundKey = "carlos.refund";
}
