import { invokeRemote } from '@forge/bridge';
import ForgeReconciler from '@forge/react';
import { BugsPage } from '../components/bugs-page.js';

// The jira:globalPage resource: bugs ranked by support demand, from the worker (Forge Remote).
ForgeReconciler.render(<BugsPage invoke={invokeRemote} />);
