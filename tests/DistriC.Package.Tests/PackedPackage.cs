using System;
using System.IO;
using System.Reflection;
using System.Threading.Tasks;
using DistriC.Package.Tests.Support;

namespace DistriC.Package.Tests;

/// <summary>
/// Packs DistriC.Generated.sln once for every test of the <see cref="PackedPackageGroup"/>, as a user or a release
/// would (it must yield exactly the two user-facing packages): the same
/// configuration as these tests, a version unique to this run (so no machine cache can serve an older build of
/// it), a temporary artifacts path (the repository's bin/ and obj/ stay untouched, and the generator and
/// analyzers are compiled afresh by the pack itself) and a temporary feed. Everything lives under
/// <see cref="Root"/>, deleted at the end.
/// </summary>
public sealed class PackedPackage : IAsyncLifetime
{
    /// <summary>Id of the core package (runtime, generator, analyzers), as users reference it.</summary>
    public const string PackageId = "DistriC.Generated";

    /// <summary>Id of the ASP.NET Core package, which depends on the core one.</summary>
    public const string HostingPackageId = "DistriC.Generated.Hosting";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Temporary folder holding the feed, the artifacts, the consumers and their package folder.</summary>
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "distric-package-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The version packed by this run, e.g. <c>0.0.0-test-3f2a…</c>.</summary>
    public string Version { get; } = "0.0.0-test-" + Guid.NewGuid().ToString("N");

    /// <summary>Configuration of this test assembly (Debug or Release), used for the pack and the consumers.</summary>
    public string Configuration { get; } =
        typeof(PackedPackage).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>The repository root (the folder holding DistriC.Generated.sln).</summary>
    public string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The local folder feed holding only what the pack produced.</summary>
    public string FeedDirectory => Path.Combine(Root, "feed");

    /// <summary>The packed core .nupkg.</summary>
    public string PackagePath => Path.Combine(FeedDirectory, $"{PackageId}.{Version}.nupkg");

    /// <summary>The packed hosting .nupkg.</summary>
    public string HostingPackagePath => Path.Combine(FeedDirectory, $"{HostingPackageId}.{Version}.nupkg");

    /// <summary>The consumers' package folder (<c>restore --packages</c>): the machine's global cache never sees the test version.</summary>
    public string PackagesDirectory => Path.Combine(Root, "packages");

    /// <summary>Output of the pack command, for failure messages.</summary>
    public CliResult? Pack { get; private set; }

    /// <inheritdoc/>
    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        Pack = await DotnetCli.RunAsync(RepositoryRoot, PackTimeout,
        [
            "pack", "DistriC.Generated.sln",
            "-c", Configuration,
            "-o", FeedDirectory,
            "--artifacts-path", Path.Combine(Root, "artifacts"),
            $"-p:Version={Version}",
            .. DotnetCli.NoBuildServers,
        ]);
        if (Pack.ExitCode != 0 || !File.Exists(PackagePath) || !File.Exists(HostingPackagePath))
        {
            throw new InvalidOperationException($"Packing failed or produced no {PackagePath} or {HostingPackagePath}.\n{Pack.Describe()}");
        }
    }

    /// <inheritdoc/>
    public Task DisposeAsync()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DistriC.Generated.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No DistriC.Generated.sln above {AppContext.BaseDirectory}.");
    }
}

/// <summary>Every test that needs the packed package: one pack, tests run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PackedPackageGroup : ICollectionFixture<PackedPackage>
{
    /// <summary>The collection name.</summary>
    public const string Name = "Packed package";
}
