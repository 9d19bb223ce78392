package favorites

// Version is the SDK's version. It is part of the default User-Agent.
const Version = "0.1.0"

// DefaultUserAgent is the User-Agent sent when no other is set.
const DefaultUserAgent = "favkit-favorites-go/" + Version + " (+https://github.com/favkit/favorites)"
