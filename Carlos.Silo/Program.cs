using Carlos.Silo;
using Carlos.Silo.Hosting;

switch (args)
{
    case [ImportPricesCommand.Name, ..]:
        return ImportPricesCommand.Run(args[1..], Console.Out, Console.Error);
    case [KeyCommands.NewKey or KeyCommands.HashKey, ..]:
        var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args[1..]).Build();
        return KeyCommands.Run(args[0], configuration, Console.In, Console.Out, Console.Error);
}

var app = SiloApp.Build(args);
await app.RunAsync();
return 0;
