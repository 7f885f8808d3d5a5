using Carlos.Grains.Cache;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Cache;

public sealed class GenericRequirementsTests
{
    private static readonly GenericRequirements Check = new(OfflineDesign.Catalog, maxLength: 200);

    [Theory]
    [InlineData("AKS cluster with monitoring")]
    [InlineData("AKS cluster with monitoring and a PostgreSQL database")]
    [InlineData("App Service web app with Azure SQL and a Redis cache")]
    [InlineData("Event driven order processing with Service Bus and Functions")]
    [InlineData("IoT telemetry pipeline for 10000 devices, 99.9% uptime, GDPR")]
    public void Short_requirements_in_known_words_are_generic(string requirements) =>
        Assert.Null(Check.WhyNotGeneric(requirements));

    [Theory]
    [InlineData("AKS cluster with monitoring for Contoso", "contoso")]
    [InlineData("aks cluster with monitoring for contoso", "contoso")]
    [InlineData("Acme's web shop on App Service", "acme")]
    [InlineData("AKS cluster for Fabrikam Ltd", "ltd")]
    [InlineData("AKS cluster for Fabrikam", "fabrikam")]
    [InlineData("Web app for our customers", "our")]
    [InlineData("My company needs an AKS cluster", "my")]
    [InlineData("We need a web app with Azure SQL", "we")]
    [InlineData("AKS cluster, mail ops@example.com for access", "e-mail")]
    [InlineData("Web app like https://shop.example", "URL")]
    [InlineData("Web app served at shop.contoso.com", "domain")]
    [InlineData("Web app run by Alice Johnson in Seattle", "alice")]
    public void Names_addresses_and_markers_keep_requirements_private(string requirements, string reason)
    {
        var why = Check.WhyNotGeneric(requirements);

        Assert.NotNull(why);
        Assert.Contains(reason, why, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Long_requirements_are_not_generic()
    {
        var longText = string.Join(' ', Enumerable.Repeat("AKS cluster with monitoring", 10));

        Assert.Contains("longer than", Check.WhyNotGeneric(longText), StringComparison.Ordinal);
    }
}
