using System;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;
using Xunit.Abstractions;

namespace DistriC.Package.Tests;

/// <summary>The .nupkg holds exactly what a consumer needs, in the folders NuGet and the compiler look in.</summary>
[Collection(PackedPackageGroup.Name)]
public sealed class PackageLayoutTests
{
    private readonly PackedPackage _package;

    public PackageLayoutTests(PackedPackage package, ITestOutputHelper output)
    {
        _package = package;
        output.WriteLine($"{package.Pack!.Elapsed.TotalSeconds,5:0.0} s  {package.Pack.CommandLine}");
    }

    [Fact]
    public void The_package_holds_the_runtime_the_compiler_extensions_the_props_and_the_readme_and_nothing_else()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);

        string[] entries = PayloadEntries(zip);
        Assert.Equal(
            [
                "DistriC.Generated.nuspec",
                "README.md",
                "analyzers/dotnet/cs/DistriC.Analyzers.dll",
                "analyzers/dotnet/cs/DistriC.Generator.dll",
                "build/DistriC.Generated.props",
                "buildTransitive/DistriC.Generated.props",
                "lib/net8.0/DistriC.Runtime.dll",
                "lib/net8.0/DistriC.Runtime.xml",
            ],
            entries);
    }

    [Fact]
    public void The_props_and_readme_are_the_repository_files()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
        string props = File.ReadAllText(Path.Combine(_package.RepositoryRoot, "src", "Runtime", "build", "DistriC.Generated.props"));

        Assert.Equal(props, Read(zip, "build/DistriC.Generated.props"));
        Assert.Equal(props, Read(zip, "buildTransitive/DistriC.Generated.props"));
        Assert.Equal(File.ReadAllText(Path.Combine(_package.RepositoryRoot, "README.md")), Read(zip, "README.md"));
        string[] visible = XDocument.Parse(props).Descendants("CompilerVisibleProperty").Select(e => (string)e.Attribute("Include")!).ToArray();
        Assert.Equal(["DistricMaxCardinality", "DistricMaxSeries"], visible);
    }

    [Fact]
    public void Every_packed_assembly_was_built_by_this_pack()
    {
        // Each DLL carries the version given to this very pack: none is a stale build from another folder or configuration.
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
        string extracted = Path.Combine(_package.Root, "extracted");
        Directory.CreateDirectory(extracted);

        foreach (string entry in new[] { "lib/net8.0/DistriC.Runtime.dll", "analyzers/dotnet/cs/DistriC.Generator.dll", "analyzers/dotnet/cs/DistriC.Analyzers.dll" })
        {
            string path = Path.Combine(extracted, Path.GetFileName(entry));
            zip.GetEntry(entry)!.ExtractToFile(path, overwrite: true);
            string? productVersion = FileVersionInfo.GetVersionInfo(path).ProductVersion;
            Assert.True(productVersion?.StartsWith(_package.Version + "+", StringComparison.Ordinal) == true || productVersion == _package.Version, $"{entry}: {productVersion}");
        }
    }

    [Fact]
    public void The_compiler_extensions_load_into_the_dotnet_8_sdk_compiler()
    {
        // A generator referencing a newer Microsoft.CodeAnalysis than the running compiler is skipped (CS9057):
        // Roslyn 4.8 is the compiler of the .NET 8 SDK, the oldest the net8.0 runtime library is meant for.
        using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
        foreach (string entry in new[] { "analyzers/dotnet/cs/DistriC.Generator.dll", "analyzers/dotnet/cs/DistriC.Analyzers.dll" })
        {
            using var image = new MemoryStream();
            using (Stream stream = zip.GetEntry(entry)!.Open())
            {
                stream.CopyTo(image);
            }

            image.Position = 0;
            using var pe = new PEReader(image);
            MetadataReader metadata = pe.GetMetadataReader();
            Version[] roslyn = metadata.AssemblyReferences
                .Select(handle => metadata.GetAssemblyReference(handle))
                .Where(reference => metadata.GetString(reference.Name).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                .Select(reference => reference.Version)
                .ToArray();
            Assert.NotEmpty(roslyn);
            Assert.All(roslyn, version => Assert.True(version <= new Version(4, 8, 0, 0), $"{entry} references Microsoft.CodeAnalysis {version}"));
        }
    }

    [Fact]
    public void The_nuspec_names_the_package_and_version_and_depends_on_nothing()
    {
        XElement metadata = Metadata(_package.PackagePath, "DistriC.Generated.nuspec");

        Assert.Equal(PackedPackage.PackageId, Child(metadata, "id").Value);
        Assert.Equal(_package.Version, Child(metadata, "version").Value);
        Assert.Equal("README.md", Child(metadata, "readme").Value);
        XElement group = Assert.Single(Child(metadata, "dependencies").Elements());
        Assert.Equal("net8.0", (string?)group.Attribute("targetFramework"));
        Assert.Empty(group.Elements());
    }

    [Fact]
    public void Packing_the_solution_yields_exactly_the_two_user_facing_packages()
    {
        Assert.Equal(
            [Path.GetFileName(_package.PackagePath), Path.GetFileName(_package.HostingPackagePath)],
            Directory.GetFiles(_package.FeedDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_hosting_package_holds_its_assembly_and_the_readme_and_nothing_else()
    {
        using ZipArchive zip = ZipFile.OpenRead(_package.HostingPackagePath);

        Assert.Equal(
            ["DistriC.Generated.Hosting.nuspec", "README.md", "lib/net8.0/DistriC.Hosting.dll", "lib/net8.0/DistriC.Hosting.xml"],
            PayloadEntries(zip));
        Assert.Equal(File.ReadAllText(Path.Combine(_package.RepositoryRoot, "README.md")), Read(zip, "README.md"));
    }

    [Fact]
    public void The_hosting_package_depends_on_the_core_package_of_its_version_with_its_analyzers_and_shares_its_metadata()
    {
        XElement hosting = Metadata(_package.HostingPackagePath, "DistriC.Generated.Hosting.nuspec");
        XElement core = Metadata(_package.PackagePath, "DistriC.Generated.nuspec");

        Assert.Equal(PackedPackage.HostingPackageId, Child(hosting, "id").Value);
        Assert.Equal(_package.Version, Child(hosting, "version").Value);
        XElement group = Assert.Single(Child(hosting, "dependencies").Elements());
        Assert.Equal("net8.0", (string?)group.Attribute("targetFramework"));
        XElement dependency = Assert.Single(group.Elements());
        Assert.Equal(PackedPackage.PackageId, (string?)dependency.Attribute("id"));
        Assert.Equal(_package.Version, (string?)dependency.Attribute("version"));
        // Not NuGet's default exclude="Build,Analyzers": a web project on this package alone needs the generator, the
        // DSC analyzers and the budgets props of the core package.
        Assert.Null(dependency.Attribute("exclude"));
        XElement framework = Assert.Single(Child(hosting, "frameworkReferences").Elements().Single().Elements());
        Assert.Equal("Microsoft.AspNetCore.App", (string?)framework.Attribute("name"));
        foreach (string name in new[] { "authors", "license", "readme", "projectUrl", "repository" })
        {
            Assert.Equal(Describe(Child(core, name)), Describe(Child(hosting, name)));
        }

        Assert.StartsWith(Child(core, "tags").Value + " ", Child(hosting, "tags").Value, StringComparison.Ordinal);
        Assert.NotEmpty(Child(hosting, "description").Value);
    }

    // An element's text and attributes, without its XML namespace (the two nuspecs use different schema versions).
    private static string Describe(XElement element) =>
        element.Value + string.Concat(element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => $" {a.Name.LocalName}={a.Value}"));

    private static XElement Metadata(string package, string nuspec)
    {
        using ZipArchive zip = ZipFile.OpenRead(package);
        return XDocument.Parse(Read(zip, nuspec)).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    // The files of a package, without the OPC bookkeeping (_rels/, package/, [Content_Types].xml).
    private static string[] PayloadEntries(ZipArchive zip) => zip.Entries.Select(e => e.FullName)
        .Where(n => !n.StartsWith("_rels/", StringComparison.Ordinal) && !n.StartsWith("package/", StringComparison.Ordinal) && n != "[Content_Types].xml")
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static XElement Child(XElement parent, string localName) => parent.Elements().Single(e => e.Name.LocalName == localName);

    private static string Read(ZipArchive zip, string entry)
    {
        using var reader = new StreamReader(zip.GetEntry(entry)!.Open());
        return reader.ReadToEnd();
    }
}
