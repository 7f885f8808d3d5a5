using Carlos.Silo;
using Carlos.Silo.Hosting;

if (args is [ImportPricesCommand.Name, ..])
{
    return ImportPricesCommand.Run(args[1..], Console.Out, Console.Error);
}

if (args is [HashKeyCommand.Name, ..])
{
    return HashKeyCommand.Run(args[1..], Console.In, Console.Out, Console.Error);
}

var app = SiloApp.Build(args);
await app.RunAsync();
return 0;
