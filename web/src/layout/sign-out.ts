import { useNavigate } from 'react-router';
import { api } from '../lib/api';
import { forgetSession } from '../lib/session';

export function useSignOut() {
  const navigate = useNavigate();
  return async () => {
    try {
      await api('logout');
    } catch {
      // The session may already be gone server-side; signing out locally is what matters now.
    }
    forgetSession('signedOut');
    navigate('/login', { replace: true });
  };
}
