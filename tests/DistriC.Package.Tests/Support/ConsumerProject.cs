using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace DistriC.Package.Tests.Support;

/// <summary>
/// What kind of project a consumer is: its SDK, target framework, language version and the one package it references.
/// </summary>
/// <param name="Sdk">The project SDK (<c>Microsoft.NET.Sdk</c>, or <c>Microsoft.NET.Sdk.Web</c> for an ASP.NET Core app).</param>
/// <param name="TargetFramework">The target framework.</param>
/// <param name="LangVersion">The C# version; null for the framework's default.</param>
/// <param name="PackageId">The package referenced (the core one, or the hosting one, which brings the core one).</param>
public sealed record ConsumerKind(string Sdk, string TargetFramework, string? LangVersion, string PackageId)
{
    /// <summary>A net10.0 console app on the core package.</summary>
    public static ConsumerKind Console10 { get; } = new("Microsoft.NET.Sdk", "net10.0", null, PackedPackage.PackageId);

    /// <summary>A net8.0 console app compiled as C# 12, the default language of .NET 8, on the core package.</summary>
    public static ConsumerKind Console8CSharp12 { get; } = new("Microsoft.NET.Sdk", "net8.0", "12", PackedPackage.PackageId);

    /// <summary>A net10.0 ASP.NET Core app on the hosting package only.</summary>
    public static ConsumerKind Web10 { get; } = new("Microsoft.NET.Sdk.Web", "net10.0", null, PackedPackage.HostingPackageId);

    /// <summary>
    /// The SDK bundles the net10.0 targeting and apphost packs, so a net10.0 consumer needs no package but ours and its
    /// feed can be the only source. A net8.0 consumer also needs the net8.0 reference pack, from the machine's default source.
    /// </summary>
    public bool FeedIsTheOnlySource => TargetFramework == "net10.0";
}

/// <summary>
/// A project that installs the packed packages the way a user does: nullable enabled, implicit usings, warnings as
/// errors, one <c>PackageReference</c>. Consumers of one <see cref="ConsumerKind.FeedIsTheOnlySource"/> setting share a
/// folder whose nuget.config names the test feed (and only it, where that suffices), so our packages come from nowhere else.
/// </summary>
public sealed partial class ConsumerProject
{
    private static readonly TimeSpan RestoreTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private readonly PackedPackage _package;

    private ConsumerProject(PackedPackage package, ConsumerKind kind, string directory)
    {
        _package = package;
        Kind = kind;
        ProjectDirectory = directory;
    }

    /// <summary>The project folder.</summary>
    public string ProjectDirectory { get; }

    /// <summary>What kind of project this is.</summary>
    public ConsumerKind Kind { get; }

    /// <summary>
    /// The consumer's package folder (<c>restore --packages</c>): the run's own, so the machine's global cache never sees
    /// the test version; consumers restoring from the default source too get a second one, so the first holds only ours.
    /// </summary>
    public string PackagesDirectory => Kind.FeedIsTheOnlySource ? _package.PackagesDirectory : _package.PackagesDirectory + "-with-default-source";

    /// <summary>The built program (run with the dotnet host).</summary>
    public string AssemblyPath => Path.Combine(ProjectDirectory, "bin", _package.Configuration, Kind.TargetFramework, "Consumer.dll");

    /// <summary>
    /// Writes project <paramref name="name"/> of <paramref name="kind"/> (default: <see cref="ConsumerKind.Console10"/>) with
    /// <paramref name="program"/> as Program.cs and <paramref name="properties"/> (MSBuild property elements) added.
    /// </summary>
    public static ConsumerProject Create(PackedPackage package, string name, string program, string properties = "", ConsumerKind? kind = null)
    {
        kind ??= ConsumerKind.Console10;
        string root = Path.Combine(package.Root, kind.FeedIsTheOnlySource ? "consumers" : "consumers-with-default-source");
        WriteSharedFiles(package, root, kind.FeedIsTheOnlySource);
        string directory = Path.Combine(root, name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "Program.cs"), program);
        string langVersion = kind.LangVersion is null ? "" : $"<LangVersion>{kind.LangVersion}</LangVersion>";
        // Only the .NET 10 runtime is installed: a net8.0 program runs on it by rolling forward, as it may on any machine.
        string rollForward = kind.TargetFramework == "net10.0" ? "" : "<RollForward>Major</RollForward><UseAppHost>false</UseAppHost>";
        File.WriteAllText(Path.Combine(directory, "Consumer.csproj"), $"""
            <Project Sdk="{kind.Sdk}">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>{kind.TargetFramework}</TargetFramework>
                {langVersion}
                {rollForward}
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                {properties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="{kind.PackageId}" Version="{package.Version}" />
              </ItemGroup>
            </Project>
            """);
        return new ConsumerProject(package, kind, directory);
    }

    /// <summary><c>dotnet restore --packages</c> into the run's own package folder.</summary>
    public Task<CliResult> RestoreAsync() =>
        DotnetCli.RunAsync(ProjectDirectory, RestoreTimeout, ["restore", "--packages", PackagesDirectory, .. DotnetCli.NoBuildServers]);

    /// <summary><c>dotnet build --no-restore</c> in the configuration of the tests.</summary>
    public Task<CliResult> BuildAsync() =>
        DotnetCli.RunAsync(ProjectDirectory, BuildTimeout, ["build", "--no-restore", "-c", _package.Configuration, .. DotnetCli.NoBuildServers]);

    /// <summary>Runs the built program with the dotnet host.</summary>
    public Task<CliResult> RunAsync() => DotnetCli.RunAsync(ProjectDirectory, RunTimeout, [AssemblyPath]);

    /// <summary>Starts the built program with the dotnet host and returns at once.</summary>
    public RunningCommand Start(params string[] arguments) => DotnetCli.Start(ProjectDirectory, [AssemblyPath, .. arguments]);

    /// <summary>
    /// The source each DistriC package in the run's package folder was restored from (NuGet records it in
    /// <c>.nupkg.metadata</c>), by lower-case id.
    /// </summary>
    public IReadOnlyDictionary<string, string> DistricPackageSources()
    {
        var sources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (string id in new[] { PackedPackage.PackageId, PackedPackage.HostingPackageId })
        {
            string metadata = Path.Combine(PackagesDirectory, id.ToLowerInvariant(), _package.Version.ToLowerInvariant(), ".nupkg.metadata");
            if (File.Exists(metadata))
            {
                using JsonDocument json = JsonDocument.Parse(File.ReadAllText(metadata));
                sources[id.ToLowerInvariant()] = json.RootElement.GetProperty("source").GetString() ?? "";
            }
        }

        return sources;
    }

    /// <summary>
    /// Distinct <c>CODE: message</c> pairs of the MSBuild-format diagnostics of <paramref name="severity"/> in the output,
    /// without the help link the console logger appends (<see cref="HelpLinks"/> reads those).
    /// </summary>
    public static IReadOnlyList<string> Diagnostics(CliResult result, string severity) =>
        DiagnosticLine().Matches(result.StandardOutput + "\n" + result.StandardError)
            .Where(m => m.Groups["severity"].Value == severity)
            .Select(m => $"{m.Groups["code"].Value}: {HelpLink().Replace(m.Groups["message"].Value.Trim(), "")}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Distinct <c>file(line): severity CODE</c> of every MSBuild-format diagnostic with a source position in the output,
    /// ordered by file and line: where the build output points the user.
    /// </summary>
    public static IReadOnlyList<string> DiagnosticPositions(CliResult result) =>
        PositionedDiagnosticLine().Matches(result.StandardOutput + "\n" + result.StandardError)
            .Select(m => (File: Path.GetFileName(m.Groups["file"].Value), Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture), Text: $"{m.Groups["severity"].Value} {m.Groups["code"].Value}"))
            .Distinct()
            .OrderBy(d => d.File, StringComparer.Ordinal).ThenBy(d => d.Line).ThenBy(d => d.Text, StringComparer.Ordinal)
            .Select(d => $"{d.File}({d.Line}): {d.Text}")
            .ToList();

    /// <summary>Distinct <c>CODE link</c> pairs: the help link each diagnostic in the output carries.</summary>
    public static IReadOnlyList<string> HelpLinks(CliResult result) =>
        DiagnosticLine().Matches(result.StandardOutput + "\n" + result.StandardError)
            .Select(m => $"{m.Groups["code"].Value} {HelpLink().Match(m.Groups["message"].Value.Trim()).Groups["link"].Value}")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    // " (https://...)": the help link of the descriptor, appended to the message by the console logger.
    [GeneratedRegex(@" \((?<link>https://[^ )]+)\)$")]
    private static partial Regex HelpLink();

    // "path(line,col): error DSC001: message (help link) [project]" as MSBuild's console logger writes it.
    [GeneratedRegex(@"(?<severity>warning|error) (?<code>[A-Z]+[0-9]+): (?<message>[^\r\n]*?)(?: \[[^\]\r\n]*\])?\r?$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();

    [GeneratedRegex(@"^\s*(?<file>[^\r\n(]+)\((?<line>[0-9]+),[0-9]+(?:,[0-9]+,[0-9]+)?\): (?<severity>warning|error) (?<code>[A-Z]+[0-9]+):", RegexOptions.Multiline)]
    private static partial Regex PositionedDiagnosticLine();

    private static void WriteSharedFiles(PackedPackage package, string root, bool feedIsTheOnlySource)
    {
        Directory.CreateDirectory(root);
        // The test feed, and no other source where a consumer needs nothing else: a missing or misnamed package fails
        // here instead of being fetched from anywhere else. Where the default source stays (net8.0 reference packs), the
        // run's unique version still means our packages can only come from the feed, which the tests check.
        var sources = new XElement("packageSources");
        if (feedIsTheOnlySource)
        {
            sources.Add(new XElement("clear"));
        }

        sources.Add(new XElement("add", new XAttribute("key", "distric-test-feed"), new XAttribute("value", package.FeedDirectory)));
        new XDocument(new XElement("configuration", sources, new XElement("fallbackPackageFolders", new XElement("clear"))))
            .Save(Path.Combine(root, "nuget.config"));
        // The SDK the repository selects: its bundled net10.0 targeting and apphost packs mean a net10.0
        // consumer needs no package but ours (a newer SDK would download the net10.0 packs instead).
        File.Copy(Path.Combine(package.RepositoryRoot, "global.json"), Path.Combine(root, "global.json"), overwrite: true);
        // Stop MSBuild's upward search: nothing above the temporary folder may shape the consumer.
        foreach (string file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            File.WriteAllText(Path.Combine(root, file), "<Project />\n");
        }
    }
}
