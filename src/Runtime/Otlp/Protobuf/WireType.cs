namespace DistriC.Otlp.Protobuf;

/// <summary>The protobuf wire types OTLP uses.</summary>
internal enum WireType
{
    /// <summary>Base-128 varint: ints, enums, bools.</summary>
    Varint = 0,
    /// <summary>Eight little-endian bytes: fixed64, double.</summary>
    Fixed64 = 1,
    /// <summary>A varint length, then that many bytes: strings, bytes, messages.</summary>
    LengthDelimited = 2,
    /// <summary>Four little-endian bytes: fixed32.</summary>
    Fixed32 = 5,
}
