using System;
using System.Collections.Generic;
using System.IO;
using DistriC;
using DistriC.MetricDocs;

// DistriC.MetricDocs <assembly.dll> [--service NAME] [--json PATH] [--markdown PATH] [--rules PATH] [--dashboard PATH]
//                    [--contract PATH] [--check]
// Writes each requested artifact from the assembly's generated catalog; with --check it writes nothing and exits 1 when
// a file differs from what the declarations give (a stale artifact), so CI can keep committed files current.
const string Usage = "usage: DistriC.MetricDocs <assembly.dll> [--service NAME] [--json PATH] [--markdown PATH] [--rules PATH] [--dashboard PATH] [--contract PATH] [--check]";
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}

string assembly = args[0];
string service = Path.GetFileNameWithoutExtension(assembly);
bool check = false;
var outputs = new List<(string Option, string Path)>();
for (int i = 1; i < args.Length; i++)
{
    if (args[i] == "--check")
    {
        check = true;
    }
    else if (args[i] is "--service" or "--json" or "--markdown" or "--rules" or "--dashboard" or "--contract" && i + 1 < args.Length)
    {
        if (args[i] == "--service")
        {
            service = args[++i];
        }
        else
        {
            outputs.Add((args[i], args[++i]));
        }
    }
    else
    {
        Console.Error.WriteLine($"distric-metric-docs: unexpected argument '{args[i]}'");
        Console.Error.WriteLine(Usage);
        return 2;
    }
}

IReadOnlyList<MetricCatalogEntry> metrics;
try
{
    metrics = CatalogLoader.Load(assembly);
}
catch (Exception e) when (e is InvalidOperationException or IOException or BadImageFormatException)
{
    Console.Error.WriteLine("distric-metric-docs: " + e.Message);
    return 2;
}

MetricArtifacts artifacts = MetricArtifacts.From(service, metrics);
int stale = 0;
foreach ((string option, string path) in outputs)
{
    string text = option switch
    {
        "--json" => artifacts.Json,
        "--markdown" => artifacts.Markdown,
        "--rules" => artifacts.Rules,
        "--dashboard" => artifacts.Dashboard,
        _ => artifacts.Contract,
    };
    if (!check)
    {
        File.WriteAllText(path, text);
        Console.WriteLine($"wrote {path}");
    }
    else if (!File.Exists(path) || File.ReadAllText(path) != text)
    {
        Console.Error.WriteLine($"distric-metric-docs: {path} is stale: regenerate it (same command without --check)");
        stale++;
    }
}

return stale == 0 ? 0 : 1;
