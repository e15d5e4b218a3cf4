using Platform.Grpc.Protocol;

namespace Platform.Grpc.Tests;

public class ProtocolEncodingTests
{
    [Theory]
    [InlineData("1H", 36_000_000_000L)]
    [InlineData("2M", 1_200_000_000L)]
    [InlineData("3S", 30_000_000L)]
    [InlineData("250m", 2_500_000L)]
    [InlineData("1500u", 15_000L)]
    [InlineData("99999999n", 999_999L)]
    public void Timeouts_are_read_in_every_unit(string header, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(ticks, timeout.Ticks);
    }

    [Theory]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("m")]
    [InlineData("123456789m")]
    [InlineData("10x")]
    [InlineData("-5S")]
    public void Malformed_timeouts_are_rejected(string header) => Assert.False(GrpcTimeout.TryParse(header, out _));

    [Fact]
    public void Timeouts_are_written_in_at_most_eight_digits_and_never_shorter()
    {
        foreach (var timeout in new[] { TimeSpan.FromTicks(1), TimeSpan.FromMilliseconds(300), TimeSpan.FromMinutes(20), TimeSpan.FromDays(400) })
        {
            var header = GrpcTimeout.Format(timeout);
            Assert.True(header.Length <= 9, header);
            Assert.True(GrpcTimeout.TryParse(header, out var read));
            Assert.True(read >= timeout, header);
        }
    }

    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("100%", "100%25")]
    [InlineData("één", "%C3%A9%C3%A9n")]
    [InlineData("line\nbreak", "line%0Abreak")]
    public void Status_messages_are_percent_encoded_and_decoded(string message, string wire)
    {
        Assert.Equal(wire, PercentEncoding.Encode(message));
        Assert.Equal(message, PercentEncoding.Decode(wire));
    }

    [Fact]
    public void A_stray_percent_sign_is_kept_when_decoding() => Assert.Equal("50%x", PercentEncoding.Decode("50%x"));

    [Fact]
    public void Binary_metadata_is_read_padded_and_unpadded()
    {
        Assert.Equal([1, 2], MetadataHeaders.DecodeBase64("AQI="));
        Assert.Equal([1, 2], MetadataHeaders.DecodeBase64("AQI"));
    }

    [Theory]
    [InlineData("application/grpc", true)]
    [InlineData("application/grpc+proto", true)]
    [InlineData("application/grpc; charset=utf-8", true)]
    [InlineData("application/grpc+json", false)]
    [InlineData("application/json", false)]
    [InlineData(null, false)]
    public void Only_grpc_proto_content_types_are_served(string? contentType, bool served) =>
        Assert.Equal(served, GrpcProtocol.IsGrpcContentType(contentType));
}
