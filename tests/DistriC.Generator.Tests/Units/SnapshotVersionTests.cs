namespace DistriC.Generator.Tests.Units;

/// <summary>The golden-file comparison ignores the generator version, and nothing else.</summary>
public sealed class SnapshotVersionTests
{
    private static string Attribute(string version) => "[global::System.CodeDom.Compiler.GeneratedCode(\"DistriC.Generator\", \"" + version + "\")]";

    [Fact]
    public void Only_the_DistriC_generator_version_is_masked()
    {
        Assert.Equal(
            Snapshot.WithoutVersion(Attribute("0.1.0")),
            Snapshot.WithoutVersion(Attribute("2.3.4.5")));
        Assert.Equal("[GeneratedCode(\"DistriC.Generator\", \"<version>\")] x", Snapshot.WithoutVersion("[GeneratedCode(\"DistriC.Generator\", \"9.9\")] x"));
        Assert.Equal("[GeneratedCode(\"Other\", \"9.9\")]", Snapshot.WithoutVersion("[GeneratedCode(\"Other\", \"9.9\")]"));
        Assert.NotEqual(Snapshot.WithoutVersion("a \"0.1.0\""), Snapshot.WithoutVersion("a \"0.2.0\""));
    }
}
