// How secrets (the sign-in, one-time customer passwords) are kept on this computer.
export default {
  consent: {
    title: 'Keep your sign-in on this computer?',
    risk: 'This Linux session has no keyring, so the operating system cannot protect MCA Desk’s secrets: your sign-in and the one-time passwords of customers you create. MCA Desk can keep them in a file encrypted with a key kept beside it, readable only by your user account; any program running as you could still read them.',
    fix: 'The fix: install and unlock a keyring (GNOME Keyring or KWallet) and start MCA Desk again; your secrets then move into it. If you do not keep them, you sign in again at every start.',
    allow: 'Keep them with the weaker protection',
    refuse: 'Do not keep them (sign in at every start)',
  },
  status: {
    title: 'Secrets on this computer',
    keyring: 'Protected by the operating system ({backend}).',
    keyFile:
      'Kept in a file encrypted with a key file beside your data, readable only by your user account. The operating system does not protect them.',
    memory: 'Not kept: MCA Desk holds them in memory only, so you sign in again at every start.',
  },
};
