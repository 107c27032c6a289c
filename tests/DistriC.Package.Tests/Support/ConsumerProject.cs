using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace DistriC.Package.Tests.Support;

/// <summary>
/// A console project that installs the packed package the way a user does: <c>net10.0</c>, nullable enabled,
/// implicit usings, warnings as errors, one <c>PackageReference</c>. All consumers share one folder whose
/// nuget.config lists only the test feed, so the package can come from nowhere else.
/// </summary>
public sealed partial class ConsumerProject
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private readonly PackedPackage _package;

    private ConsumerProject(PackedPackage package, string directory)
    {
        _package = package;
        ProjectDirectory = directory;
    }

    /// <summary>The project folder.</summary>
    public string ProjectDirectory { get; }

    /// <summary>
    /// Writes project <paramref name="name"/> with <paramref name="program"/> as Program.cs and
    /// <paramref name="properties"/> (MSBuild property elements) added to its property group.
    /// </summary>
    public static ConsumerProject Create(PackedPackage package, string name, string program, string properties = "")
    {
        string root = Path.Combine(package.Root, "consumers");
        WriteSharedFiles(package, root);
        string directory = Path.Combine(root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{PackedPackage.PackageId}" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        return new ConsumerProject(package, directory);
    }

    /// <summary><c>dotnet restore --packages</c> into the run's own package folder.</summary>
    public Task<CliResult> RestoreAsync() =>
        DotnetCli.RunAsync(ProjectDirectory, RestoreTimeout, ["restore", "--packages", _package.PackagesDirectory, .. DotnetCli.NoBuildServers]);

    /// <summary><c>dotnet build --no-restore</c> in the configuration of the tests.</summary>
    public Task<CliResult> BuildAsync() =>
        DotnetCli.RunAsync(ProjectDirectory, BuildTimeout, ["build", "--no-restore", "-c", _package.Configuration, .. DotnetCli.NoBuildServers]);

    /// <summary>Runs the built program with the dotnet host.</summary>
    public Task<CliResult> RunAsync() =>
        DotnetCli.RunAsync(ProjectDirectory, RunTimeout, [Path.Combine(ProjectDirectory, "bin", _package.Configuration, "net10.0", "Consumer.dll")]);

    /// <summary>Distinct <c>CODE: message</c> pairs of the MSBuild-format diagnostics of <paramref name="severity"/> in the output.</summary>
    public static IReadOnlyList<string> Diagnostics(CliResult result, string severity) =>
        DiagnosticLine().Matches(result.StandardOutput + "\n" + result.StandardError)
            .Where(m => m.Groups["severity"].Value == severity)
            .Select(m => $"{m.Groups["code"].Value}: {m.Groups["message"].Value.Trim()}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    // "path(line,col): error DSC001: message [project]" as MSBuild's console logger writes it.
    [GeneratedRegex(@"(?<severity>warning|error) (?<code>[A-Z]+[0-9]+): (?<message>[^\r\n]*?)(?: \[[^\]\r\n]*\])?\r?$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    private static void WriteSharedFiles(PackedPackage package, string root)
    {
        Directory.CreateDirectory(root);
        // Only the test feed: a missing or misnamed package fails here instead of being fetched from anywhere else.
        new XDocument(
            new XElement("configuration",
                new XElement("packageSources", new XElement("clear"), new XElement("add", new XAttribute("key", "distric-test-feed"), new XAttribute("value", package.FeedDirectory))),
                new XElement("fallbackPackageFolders", new XElement("clear"))))
            .Save(Path.Combine(root, "nuget.config"));
        // The SDK the repository selects: its bundled net10.0 targeting and apphost packs mean the
        // consumer needs no package but ours (a newer SDK would download the net10.0 packs instead).
        File.Copy(Path.Combine(package.RepositoryRoot, "global.json"), Path.Combine(root, "global.json"), overwrite: true);
        // Stop MSBuild's upward search: nothing above the temporary folder may shape the consumer.
        foreach (string file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(root, file), "<Project />\n");
        }
    }
}
