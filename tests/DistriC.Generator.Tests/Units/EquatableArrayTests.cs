using System.Collections.Immutable;
using DistriC.Generators;

namespace DistriC.Generator.Tests.Units;

/// <summary>
/// <see cref="EquatableArray{T}"/> is what lets Roslyn cache a model step: equal content must compare equal
/// and hash alike, or every run regenerates; different content must differ, or edits are lost.
/// </summary>
public sealed class EquatableArrayTests
{
    private sealed record Item(string Name, int Value);

    private static EquatableArray<T> Of<T>(params T[] items)
        where T : System.IEquatable<T> => new(ImmutableArray.Create(items));

    [Fact]
    public void Arrays_with_equal_items_in_the_same_order_are_equal_and_hash_alike()
    {
        // Separate instances of equal records: equality is by value, not by reference.
        EquatableArray<Item> first = Of(new Item("a", 1), new Item("b", 2));
        EquatableArray<Item> second = Of(new Item("a", 1), new Item("b", 2));

        Assert.True(first.Equals(second));
        Assert.True(first == second);
        Assert.False(first != second);
        Assert.True(first.Equals((object)second));
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Theory]
    [InlineData(new[] { "a", "b" }, new[] { "b", "a" })]
    [InlineData(new[] { "a", "b" }, new[] { "a" })]
    [InlineData(new[] { "a" }, new[] { "a", "a" })]
    [InlineData(new[] { "a" }, new[] { "A" })]
    [InlineData(new string[0], new[] { "" })]
    public void Arrays_that_differ_in_order_length_or_an_item_are_not_equal(string[] left, string[] right)
    {
        Assert.False(Of(left).Equals(Of(right)));
        Assert.True(Of(left) != Of(right));
    }

    [Fact]
    public void A_changed_item_changes_the_hash()
    {
        Assert.NotEqual(Of(new Item("a", 1), new Item("b", 2)).GetHashCode(), Of(new Item("a", 1), new Item("b", 3)).GetHashCode());
    }

    [Fact]
    public void The_default_value_is_an_empty_array_equal_to_empty_ones()
    {
        EquatableArray<string> none = default;

        Assert.True(none.Count == 0, "Count of default");
        Assert.Empty(none);
        Assert.True(none.Equals(EquatableArray<string>.Empty));
        Assert.True(none.Equals(new EquatableArray<string>(System.Array.Empty<string>())));
        Assert.Equal(EquatableArray<string>.Empty.GetHashCode(), none.GetHashCode());
        Assert.True(none.AsImmutableArray().IsEmpty);
    }

    [Fact]
    public void Items_are_kept_in_order_and_compared_with_other_types_as_unequal()
    {
        EquatableArray<string> array = Of("x", "y", "z");

        Assert.Equal(new[] { "x", "y", "z" }, array);
        Assert.Equal("y", array[1]);
        Assert.False(array.Equals((object)new[] { "x", "y", "z" }));
        Assert.False(array.Equals(null));
    }
}
