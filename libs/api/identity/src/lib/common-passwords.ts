/**
 * Passwords of 12+ characters that still top breach lists (NCSC and SecLists top lists, French
 * favourites included). Compared lower-cased; a short list on purpose, not a dictionary attack.
 */
export const COMMON_PASSWORDS = new Set([
  '123456789012', '1234567890123', '12345678901234', '123456789123', '111111111111', '000000000000',
  'qwertyuiopas', 'qwertyuiop12', 'qwertyuiop123', 'azertyuiop12', 'azertyuiop123', 'azertyuiopqs',
  '1q2w3e4r5t6y', '1qaz2wsx3edc', 'qazwsxedcrfv', 'zaq12wsxcde3', 'password1234', 'password12345',
  'passwordpassword', 'password123!', 'motdepasse12', 'motdepasse123', 'motdepasse1234', 'motdepasse!!',
  'iloveyou1234', 'jetaime12345', 'jetaimejetaime', 'bonjour12345', 'soleil123456', 'marseille2013',
  'liverpool123', 'football1234', 'baseball1234', 'superman1234', 'princess1234', 'sunshine1234',
  'welcome12345', 'letmein12345', 'administrator', 'admin1234567', 'changeme1234', 'trustno1trustno1',
  'abcdefghijkl', 'abcd1234abcd', 'abc123abc123', 'aaaaaaaaaaaa', 'azerty123456', 'qwerty123456',
  'qwertyqwerty', 'azertyazerty', 'alliances123', 'alliance1234', 'association1', 'association123',
  'fondation123', 'entreprise123', 'bienvenue123', 'bienvenue1234', 'secret123456', 'passw0rd1234',
  'p@ssw0rd1234', 'p@ssword1234', 'correcthorsebatterystaple', '987654321098', '147258369147',
]);
