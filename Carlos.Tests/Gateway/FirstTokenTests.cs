using System.Diagnostics;
using Carlos.Contracts.Designs;
using Carlos.Tests.Infrastructure;

namespace Carlos.Tests.Gateway;

[Collection(FastGatewayCollection.Name)]
public sealed class FirstTokenTests(FastGateway gateway)
{
    [Fact]
    public async Task With_the_builtin_model_the_first_token_and_the_first_terraform_token_arrive_within_ten_seconds()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var clock = Stopwatch.StartNew();
        TimeSpan? firstToken = null;
        TimeSpan? firstTerraformToken = null;

        using var response =
            await gateway.StartStreamingAsync("""{"requirements":"AKS with PostgreSQL"}""", cancel.Token);
        await foreach (var message in SseClient.ReadAsync(response, cancel.Token))
        {
            if (message.Data is null)
            {
                continue;
            }

            var e = message.Parse();
            if (e.Type == DesignEventType.Token)
            {
                firstToken ??= clock.Elapsed;
                if (e.Agent == "terraform")
                {
                    firstTerraformToken ??= clock.Elapsed;
                }
            }

            if (e.IsTerminal)
            {
                break;
            }
        }

        Assert.InRange(firstToken!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(10));
        Assert.InRange(firstTerraformToken!.Value, TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }
}
