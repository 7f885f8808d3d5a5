using Carlos.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Carlos.Tests.Operations;

public sealed class ConsoleLogFormatTests
{
    [Theory]
    [InlineData("Production", ConsoleFormatterNames.Json)]
    [InlineData("Staging", ConsoleFormatterNames.Json)]
    [InlineData("Development", null)]
    public async Task Console_logs_are_json_outside_development(string environment, string? formatter)
    {
        await using var app = SiloApp.Build(["--environment", environment]);

        Assert.Equal(formatter, app.Services.GetRequiredService<IOptions<ConsoleLoggerOptions>>().Value.FormatterName);
    }
}
