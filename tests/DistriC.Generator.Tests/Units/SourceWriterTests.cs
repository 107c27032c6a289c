using DistriC.Generators;

namespace DistriC.Generator.Tests.Units;

/// <summary><see cref="SourceWriter"/> decides the layout of every generated file: four-space indents, <c>\n</c> line ends, no trailing spaces.</summary>
public sealed class SourceWriterTests
{
    [Fact]
    public void Blocks_indent_by_four_spaces_and_empty_lines_carry_no_indent()
    {
        var w = new SourceWriter();
        w.Line("namespace N").Open();
        w.Line("class C").Open();
        w.Line();
        w.Line("int x;");
        w.Close(";");
        w.Close();

        Assert.Equal("namespace N\n{\n    class C\n    {\n\n        int x;\n    };\n}\n", w.ToString());
    }

    [Fact]
    public void Indent_and_dedent_move_following_lines_only()
    {
        var w = new SourceWriter();
        w.Line("a");
        w.Indent();
        w.Line("b");
        w.Dedent();
        w.Line("c");

        Assert.Equal("a\n    b\nc\n", w.ToString());
    }
}
