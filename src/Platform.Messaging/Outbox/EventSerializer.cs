using System.Text.Json;
using Platform.IntegrationEvents;

namespace Platform.Messaging.Outbox;

/// <summary>How events are stored in the outbox: JSON with the CLR type recorded beside it.</summary>
internal static class EventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static string Serialize(IntegrationEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), Options);

    public static (object Message, Type Type) Deserialize(string typeName, string body)
    {
        var type = Type.GetType(typeName, throwOnError: false)
            ?? throw new InvalidOperationException($"Event type '{typeName}' is not known to this service.");
        var message = JsonSerializer.Deserialize(body, type, Options)
            ?? throw new InvalidOperationException($"Event body of type '{typeName}' is empty.");
        return (message, type);
    }
}
