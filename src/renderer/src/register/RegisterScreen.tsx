export function RegisterScreen({ meetingId }: { meetingId: string }) {
  return <p>Register of {meetingId}</p>;
}
