using System;

namespace DistriC.Otlp.Logs;

/// <summary>
/// A forward-only scanner over one JSON text (RFC 8259) in UTF-8, made for the lines the <see cref="JsonLogger"/>
/// writes: no allocation, strings returned as slices of the line when they hold no escape (the common case, found with
/// one vectorised search) and unescaped into a caller's buffer otherwise. Malformed input throws
/// <see cref="FormatException"/>; that never happens for a line a DistriC producer wrote.
/// </summary>
/// <remarks>
/// It replaces <c>Utf8JsonReader</c>, which measured the same here (docs/benchmarks.md, OTLP log export), because it
/// decodes lone-surrogate escapes to U+FFFD (the reader throws on them) and hands out strings without a copy.
/// </remarks>
internal ref struct JsonLineScanner
{
    private readonly ReadOnlySpan<byte> _json;
    private int _pos;

    public JsonLineScanner(ReadOnlySpan<byte> json)
    {
        _json = json;
        _pos = 0;
    }

    /// <summary>The next significant byte (whitespace skipped), or 0 at the end.</summary>
    public byte Peek()
    {
        SkipWhitespace();
        return _pos < _json.Length ? _json[_pos] : (byte)0;
    }

    /// <summary>Consumes <paramref name="c"/> when it is the next significant byte.</summary>
    public bool TryConsume(byte c)
    {
        if (Peek() != c)
        {
            return false;
        }

        _pos++;
        return true;
    }

    /// <summary>Consumes <paramref name="c"/>, which must come next.</summary>
    public void Expect(byte c)
    {
        if (!TryConsume(c))
        {
            throw Malformed();
        }
    }

    /// <summary>Nothing but whitespace may follow.</summary>
    public void ExpectEnd()
    {
        if (Peek() != 0)
        {
            throw Malformed();
        }
    }

    /// <summary>
    /// Reads a string: a slice of the line when it has no escape, else its unescaped UTF-8 in <paramref name="scratch"/>
    /// (at least as long as the line; valid until the next call that uses it). Lone surrogate escapes become U+FFFD.
    /// </summary>
    public ReadOnlySpan<byte> ReadString(Span<byte> scratch)
    {
        Expect((byte)'"');
        ReadOnlySpan<byte> rest = _json[_pos..];
        int stop = rest.IndexOfAny((byte)'"', (byte)'\\');
        if (stop < 0)
        {
            throw Malformed();
        }

        if (rest[stop] == '"')
        {
            _pos += stop + 1;
            return rest[..stop];
        }

        int written = 0;
        while (true)
        {
            rest[..stop].CopyTo(scratch[written..]);
            written += stop;
            _pos += stop;
            if (_json[_pos] == '"')
            {
                _pos++;
                return scratch[..written];
            }

            written += Unescape(scratch[written..]);
            rest = _json[_pos..];
            stop = rest.IndexOfAny((byte)'"', (byte)'\\');
            if (stop < 0)
            {
                throw Malformed();
            }
        }
    }

    /// <summary>Reads the text of a number (sign, digits, fraction, exponent) without interpreting it.</summary>
    public ReadOnlySpan<byte> ReadNumberText()
    {
        SkipWhitespace();
        int start = _pos;
        while (_pos < _json.Length && _json[_pos] is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E')
        {
            _pos++;
        }

        if (_pos == start)
        {
            throw Malformed();
        }

        return _json[start.._pos];
    }

    /// <summary>Consumes the literal <paramref name="word"/> (<c>true</c>, <c>false</c> or <c>null</c>).</summary>
    public void ExpectLiteral(ReadOnlySpan<byte> word)
    {
        SkipWhitespace();
        if (!_json[_pos..].StartsWith(word))
        {
            throw Malformed();
        }

        _pos += word.Length;
    }

    private static FormatException Malformed() => new("The log line is not the JSON a DistriC logger writes.");

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => throw Malformed(),
    };

    private static int WriteUtf8(int codePoint, Span<byte> destination)
    {
        if (codePoint < 0x80)
        {
            destination[0] = (byte)codePoint;
            return 1;
        }

        if (codePoint < 0x800)
        {
            destination[0] = (byte)(0xC0 | (codePoint >> 6));
            destination[1] = (byte)(0x80 | (codePoint & 0x3F));
            return 2;
        }

        if (codePoint < 0x10000)
        {
            destination[0] = (byte)(0xE0 | (codePoint >> 12));
            destination[1] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
            destination[2] = (byte)(0x80 | (codePoint & 0x3F));
            return 3;
        }

        destination[0] = (byte)(0xF0 | (codePoint >> 18));
        destination[1] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
        destination[2] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
        destination[3] = (byte)(0x80 | (codePoint & 0x3F));
        return 4;
    }

    private void SkipWhitespace()
    {
        while (_pos < _json.Length && _json[_pos] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            _pos++;
        }
    }

    /// <summary>At a backslash: decodes one escape into <paramref name="destination"/>; returns the bytes written.</summary>
    private int Unescape(Span<byte> destination)
    {
        if (_pos + 1 >= _json.Length)
        {
            throw Malformed();
        }

        byte kind = _json[_pos + 1];
        _pos += 2;
        byte simple = kind switch
        {
            (byte)'"' => (byte)'"',
            (byte)'\\' => (byte)'\\',
            (byte)'/' => (byte)'/',
            (byte)'b' => (byte)'\b',
            (byte)'f' => (byte)'\f',
            (byte)'n' => (byte)'\n',
            (byte)'r' => (byte)'\r',
            (byte)'t' => (byte)'\t',
            _ => 0,
        };
        if (simple != 0)
        {
            destination[0] = simple;
            return 1;
        }

        if (kind != 'u')
        {
            throw Malformed();
        }

        int unit = ReadHex4();
        if (unit is >= 0xD800 and <= 0xDBFF && _json[_pos..].StartsWith("\\u"u8))
        {
            int save = _pos;
            _pos += 2;
            int low = ReadHex4();
            if (low is >= 0xDC00 and <= 0xDFFF)
            {
                return WriteUtf8(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), destination);
            }

            _pos = save; // not a pair: the high surrogate is lone, the next escape is decoded on its own
        }

        // A lone surrogate has no UTF-8 form; the logger itself writes U+FFFD for one.
        return WriteUtf8(unit is >= 0xD800 and <= 0xDFFF ? 0xFFFD : unit, destination);
    }

    private int ReadHex4()
    {
        if (_pos + 4 > _json.Length)
        {
            throw Malformed();
        }

        int value = (HexValue(_json[_pos]) << 12) | (HexValue(_json[_pos + 1]) << 8) | (HexValue(_json[_pos + 2]) << 4) | HexValue(_json[_pos + 3]);
        _pos += 4;
        return value;
    }
}
