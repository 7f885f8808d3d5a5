using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Carlos.Gateway.Hosting;

/// <summary>Documents the bearer API key every <c>/v1</c> operation needs (the admin key for <c>/v1/admin</c>).</summary>
internal sealed class OpenApiSecurity : IOpenApiDocumentTransformer
{
    public const string Scheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "Carlos API key (ck_{keyId}.{secret}); the admin key for /v1/admin",
            Description = "Send Authorization: Bearer <key>.",
        };

        foreach (var (_, item) in document.Paths.Where(p => p.Key.StartsWith("/v1", StringComparison.Ordinal)))
        {
            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement
                {
                    [new OpenApiSecuritySchemeReference(Scheme, document)] = [],
                });
            }
        }

        return Task.CompletedTask;
    }
}
