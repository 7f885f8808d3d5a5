using Carlos.Silo;
using Carlos.Silo.Hosting;

if (args is [ImportPricesCommand.Name, ..])
{
    return ImportPricesCommand.Run(args[1..], Console.Out, Console.Error);
}

var app = SiloApp.Build(args);
await app.RunAsync();
return 0;
