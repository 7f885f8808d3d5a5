using Carlos.Grains.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Carlos.Tests.AzureOpenAI;

public sealed class ModelOptionsTests
{
    private const string Secret = "key-that-must-never-show-3f1c";

    [Fact]
    public void The_builtin_provider_needs_no_deployments()
    {
        Assert.Empty(Failures(new() { ["Carlos:Model:Provider"] = "builtin" }));
    }

    [Fact]
    public void A_complete_azure_openai_configuration_passes()
    {
        Assert.Empty(Failures(Valid()));
    }

    [Fact]
    public void An_unknown_provider_is_refused_naming_the_key()
    {
        Assert.Contains(Failures(new() { ["Carlos:Model:Provider"] = "openai" }),
            f => f.StartsWith("Carlos:Model:Provider", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Endpoint", "", "Carlos:Model:Deployments:main:Endpoint is required.")]
    [InlineData("Endpoint", "not a url", "Carlos:Model:Deployments:main:Endpoint must be an absolute https URL.")]
    [InlineData("ApiKey", "", "Carlos:Model:Deployments:main:ApiKey is required.")]
    [InlineData("Deployment", "", "Carlos:Model:Deployments:main:Deployment is required.")]
    [InlineData("ApiVersion", "2023-01-01", "Carlos:Model:Deployments:main:ApiVersion must be one of")]
    [InlineData("TokensPerMinute", "0", "Carlos:Model:Deployments:main:TokensPerMinute is required")]
    [InlineData("RequestsPerMinute", "-1", "Carlos:Model:Deployments:main:RequestsPerMinute is required")]
    public void A_wrong_deployment_setting_is_refused_naming_its_key_and_never_the_key_value(
        string setting, string value, string expected)
    {
        var settings = Valid();
        settings[$"Carlos:Model:Deployments:main:{setting}"] = value;

        var failures = Failures(settings);

        Assert.Contains(failures, f => f.StartsWith(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void Roles_must_be_known_and_name_configured_deployments()
    {
        var settings = Valid();
        settings["Carlos:Model:Roles:Default"] = null;
        settings["Carlos:Model:Roles:architect"] = "main";
        settings["Carlos:Model:Roles:poet"] = "main";
        settings["Carlos:Model:Roles:security"] = "missing";

        var failures = Failures(settings);

        Assert.Contains(failures, f => f.StartsWith("Carlos:Model:Roles:poet is not a role", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Carlos:Model:Roles:security names the deployment 'missing'",
            StringComparison.Ordinal));
        var unrouted = Assert.Single(failures, f => f.StartsWith("Carlos:Model:Roles:Default must name a deployment",
            StringComparison.Ordinal));
        Assert.Contains("cost, reliability, validator, recommender, terraform", unrouted, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_up_stops_with_the_failure_when_the_model_configuration_is_wrong()
    {
        var settings = Valid();
        settings["Carlos:Model:Deployments:main:Endpoint"] = null;
        using var services = Services(settings);

        var failure = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<ModelOptions>>().Value);

        Assert.Contains(
            "Carlos:Model:Deployments:main:Endpoint is required.", failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, failure.Message, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Valid() => new()
    {
        ["Carlos:Model:Provider"] = "azure-openai",
        ["Carlos:Model:Deployments:main:Endpoint"] = "https://contoso.openai.azure.com/",
        ["Carlos:Model:Deployments:main:Deployment"] = "gpt-4o",
        ["Carlos:Model:Deployments:main:ApiKey"] = Secret,
        ["Carlos:Model:Deployments:main:TokensPerMinute"] = "150000",
        ["Carlos:Model:Deployments:main:RequestsPerMinute"] = "900",
        ["Carlos:Model:Roles:Default"] = "main",
    };

    private static IReadOnlyList<string> Failures(Dictionary<string, string?> settings)
    {
        using var services = Services(settings);
        try
        {
            _ = services.GetRequiredService<IOptions<ModelOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException failure)
        {
            return failure.Failures.ToList();
        }
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddCarlosGrainServices(configuration).BuildServiceProvider();
    }
}
